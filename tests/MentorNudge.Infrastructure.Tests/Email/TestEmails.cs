using MentorNudge.Core.Content;

namespace MentorNudge.Infrastructure.Tests.Email;

/// <summary>Sample messages for sender tests.</summary>
public static class TestEmails
{
    public static EmailMessage Digest(string key = "nudge-1", string to = "ada@example.com", string subject = "Your weekly add-value digest") =>
        new(
            to,
            "Ada Lovelace",
            subject,
            "<html><body><p>Comment on <b>Grace</b>&#39;s talk.</p></body></html>",
            "Comment on Grace's talk.",
            new Dictionary<string, string>
            {
                ["X-MentorNudge-Nudge-Id"] = key,
                ["X-MentorNudge-Kind"] = "weeklyDigest",
            },
            key);
}
