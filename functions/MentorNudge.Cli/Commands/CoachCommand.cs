using System.CommandLine;
using System.Text.Json;
using MentorNudge.Core.Content.Coaching;
using MentorNudge.Core.Model;

namespace MentorNudge.Cli.Commands;

/// <summary><c>mentornudge coach</c>: the ask coach, offline (no storage, no network).</summary>
public static class CoachCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Printed for a terminal or a script, never embedded in HTML: keep quotes and accents readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The ask to review, in quotes; '-' reads it from standard input." };
        var connection = new Option<string>("--connection", "-c")
        {
            Description = "How you know them: existing (a former boss, a colleague, a teacher) or admired (never met).",
            DefaultValueFactory = _ => "existing",
        };
        connection.AcceptOnlyFromAmong("existing", "admired");
        var addedValue = new Option<bool>("--added-value")
        {
            Description = "You have already added value for them (commented on their work, shared something, thanked them).",
        };
        var json = new Option<bool>("--json") { Description = "Print { score, findings: [{ code, message, suggestion, start, length }], rewrite } as JSON; start and length locate the span of the text that triggered each finding." };
        var command = new Command("coach", "Review an ask before you send it: a score out of 100, what to fix, and a suggested rewrite. Offline.")
        {
            text, connection, addedValue, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var ask = parse.GetValue(text)!;
            if (ask == "-")
            {
                ask = await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }

            if (string.IsNullOrWhiteSpace(ask))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("mentornudge coach: give the text of the ask (or '-' to read it from standard input).").ConfigureAwait(false);
                return 2;
            }

            var feedback = AskCoach.Coach(
                ask,
                parse.GetValue(connection) == "admired" ? Connection.Admired : Connection.Existing,
                parse.GetValue(addedValue));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(feedback, Json)).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(Describe(feedback, ask)).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The feedback for people: score, each finding with the span of text that triggered it, suggestions, the rewrite.</summary>
    /// <param name="feedback">The coach's verdict.</param>
    /// <param name="text">The text that was coached: each finding quotes its span of it (<c>- vague-ask: "talk sometime"</c>).</param>
    public static string Describe(CoachFeedback feedback, string text)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string> { $"Score: {feedback.Score}/100" };
        if (feedback.Findings.Count == 0)
        {
            lines.Add("Nothing to fix: it is specific, small and personal.");
        }

        foreach (var finding in feedback.Findings)
        {
            if (Excerpt(text, finding) is { } excerpt)
            {
                lines.Add($"- {finding.Code}: \"{excerpt}\"");
                lines.Add($"    {finding.Message}");
            }
            else
            {
                lines.Add($"- {finding.Code}: {finding.Message}");
            }

            lines.Add($"    Try: {finding.Suggestion}");
        }

        if (!string.IsNullOrWhiteSpace(feedback.Rewrite))
        {
            lines.Add("");
            lines.Add("A better ask could look like:");
            lines.Add("  " + feedback.Rewrite.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        return string.Join(Environment.NewLine, lines);
    }

    // The triggering span, on one line and shortened, for a terminal.
    private static string? Excerpt(string text, CoachFinding finding)
    {
        if (finding.Length == 0 || finding.Start + finding.Length > text.Length)
        {
            return null;
        }

        var span = string.Join(' ', text.Substring(finding.Start, finding.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return span.Length <= 80 ? span : span[..77] + "...";
    }
}
