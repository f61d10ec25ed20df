using MentorNudge.Cli.Demo;

namespace MentorNudge.Cli.Tests.EndToEnd;

public sealed class DemoTests
{
    [Fact]
    public async Task RunAsync_SixWeeks_PrintsTimelineAndLeavesTheEmailsInTheOutbox()
    {
        var outbox = Directory.CreateTempSubdirectory("mentornudge-demo-outbox-");
        try
        {
            var output = new StringWriter();

            var result = await new DemoScenario(output).RunAsync(6, outbox.FullName, null, CancellationToken.None);

            var text = output.ToString();
            var emails = OutboxEmail.LoadAll(outbox.FullName);

            // Six Monday digests; follow-ups for Daniel and Mei (two each) but not Priya, who replied.
            Assert.Equal(result.EmailsSent, emails.Count);
            Assert.Equal(6, emails.Count(e => e.Kind == "weeklyDigest"));
            Assert.Equal(4, emails.Count(e => e.Kind == "followUp"));
            Assert.Equal(emails.Count, emails.Select(e => e.NudgeId).Distinct().Count());
            Assert.Contains("generic-mentor-ask", result.CoachFindingCodes);
            Assert.Contains("- generic-mentor-ask: \"be my mentor\"", text, StringComparison.Ordinal);
            Assert.Contains("Timeline (Europe/London)", text, StringComparison.Ordinal);
            Assert.Contains(result.Timeline, e => e.Kind == "reply" && e.Person == "Priya Shah");
            Assert.DoesNotContain(result.Timeline, e => e.Kind == "followUp" && e.Person == "Priya Shah" && e.What.StartsWith("Email", StringComparison.Ordinal));
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(outbox.FullName, "index.html")), "The outbox has no index.html.");
        }
        finally
        {
            outbox.Delete(recursive: true);
        }
    }
}
