using MentorNudge.Core.Model;

namespace MentorNudge.Core.Content.Coaching;

/// <summary>
/// A skeleton in the shape of a good ask that keeps what the user wrote (the name, their work as
/// named, the question, the time offered) and puts brackets where only the user can fill in: it
/// never invents a fact.
/// </summary>
internal static class AskRewriter
{
    public static string Rewrite(AskSpecifics specifics, Connection connection)
    {
        var work = specifics.WorkReference ?? "your work on [their talk, article or project]";
        var opening = connection == Connection.Existing && specifics.WorkReference is null
            ? $"Since we [worked together on / last spoke about …], I've been following {work}, and [one thing you took from it]."
            : $"I'm writing about {work}: [one thing you took from it, or how you used or shared it].";
        var size = specifics.TimeOffered is null
            ? "If you have time for a short reply (or 15 minutes), I'd be grateful."
            : $"If you have time for a short reply (or {specifics.TimeOffered}), I'd be grateful.";
        return string.Join(
            "\n",
            $"Hi {specifics.Name ?? "[name]"},",
            opening,
            "I'm working toward [your goal], and one question keeps coming up:",
            specifics.Question ?? "[your one specific question: which …, how … or whether …]?",
            size + " And if not, no worries at all; thank you for what you already share.",
            "[your name]");
    }
}
