using System.CommandLine;
using System.Text.Json;
using MentorNudge.Cli.Commands;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;

namespace MentorNudge.Cli.Tests.Commands;

public sealed class CoachCommandTests
{
    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var root = new RootCommand { CoachCommand.Create() };
        var output = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void Coach_GenericMentorAskAsJson_PrintsCamelCaseFeedbackWithFinding()
    {
        var (exit, output) = Run("coach", "Hi, will you be my mentor?", "--connection", "admired", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.InRange(root.GetProperty("score").GetInt32(), 0, 60);
        var codes = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("generic-mentor-ask", codes);
        Assert.All(root.GetProperty("findings").EnumerateArray(), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("suggestion").GetString()));
        });
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("rewrite").GetString()));
    }

    [Fact]
    public void Coach_Json_GivesTheSpanOfEachFinding()
    {
        const string ask = "Hi Nina, could I pick your brain sometime? Circling back on my note.";
        var (exit, output) = Run("coach", ask, "--json");

        Assert.Equal(0, exit);
        var spans = JsonDocument.Parse(output).RootElement.GetProperty("findings").EnumerateArray().ToDictionary(
            f => f.GetProperty("code").GetString()!,
            f => ask.Substring(f.GetProperty("start").GetInt32(), f.GetProperty("length").GetInt32()));
        Assert.Equal("pick your brain", spans["pick-your-brain"]);
        Assert.Equal("Circling back", spans["guilt-trip"]);
    }

    [Fact]
    public void Coach_Text_QuotesTheTriggeringSpan()
    {
        var (_, output) = Run("coach", "Hi Sam, will you be my mentor?");

        Assert.Contains("- generic-mentor-ask: \"be my mentor\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EveryFinding_QuotesItsSpanOnTheCodeLine()
    {
        const string ask = "Hi Mo, your feedback on my first talk was spot on. Any tips?";
        var feedback = AskCoach.Coach(ask, Connection.Existing, hasPriorValue: true);

        var lines = CoachCommand.Describe(feedback, ask).Split(Environment.NewLine);

        Assert.Contains("- vague-ask: \"Any tips\"", lines);
        Assert.All(feedback.Findings, f => Assert.Contains(lines, l => l.StartsWith($"- {f.Code}: \"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Describe_LongSpan_IsShortenedToOneLine()
    {
        var ask = "Hello there,\nI am writing about many things " + string.Join(' ', Enumerable.Repeat("and more", 30)) + ".";
        var feedback = AskCoach.Coach(ask, Connection.Existing, hasPriorValue: true);

        var line = CoachCommand.Describe(feedback, ask).Split(Environment.NewLine).Single(l => l.StartsWith("- not-personalized: ", StringComparison.Ordinal));

        Assert.EndsWith("...\"", line, StringComparison.Ordinal);
        Assert.StartsWith("- not-personalized: \"Hello there, I am writing", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Coach_SpecificSmallAsk_ScoresHigherThanGenericAsk()
    {
        var (_, good) = Run("coach", "Hi Priya, your talk on code review changed how my team works. Could I ask you two questions about your first 90 days as a lead, on a 20-minute call next Thursday?", "--json");
        var (_, generic) = Run("coach", "Will you be my mentor?", "--json");

        Assert.True(Score(good) > Score(generic), $"{good}\n{generic}");

        static int Score(string json) => JsonDocument.Parse(json).RootElement.GetProperty("score").GetInt32();
    }

    [Fact]
    public void Coach_Text_PrintsScoreAndFindingsForPeople()
    {
        var (exit, output) = Run("coach", "Can I pick your brain sometime?");

        Assert.Equal(0, exit);
        Assert.Contains("Score: ", output, StringComparison.Ordinal);
        Assert.Contains("pick-your-brain", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Coach_UnknownConnection_IsRejected()
    {
        var (exit, _) = Run("coach", "Hello", "--connection", "friend");

        Assert.NotEqual(0, exit);
    }
}
