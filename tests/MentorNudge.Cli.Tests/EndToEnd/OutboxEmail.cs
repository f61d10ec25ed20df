using MimeKit;

namespace MentorNudge.Cli.Tests.EndToEnd;

/// <summary>One <c>.eml</c> file of the outbox, parsed.</summary>
public sealed record OutboxEmail(string Path, string? Kind, string? NudgeId, string To, string Subject, DateTimeOffset Date, string? Html, string? Text)
{
    public static OutboxEmail Load(string path)
    {
        using var message = MimeMessage.Load(path);
        return new OutboxEmail(
            path,
            message.Headers["X-MentorNudge-Kind"],
            message.Headers["X-MentorNudge-Nudge-Id"],
            message.To.Mailboxes.FirstOrDefault()?.Address ?? "",
            message.Subject ?? "",
            message.Date,
            message.HtmlBody,
            message.TextBody);
    }

    public static IReadOnlyList<OutboxEmail> LoadAll(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Load).ToList()
            : [];
}
