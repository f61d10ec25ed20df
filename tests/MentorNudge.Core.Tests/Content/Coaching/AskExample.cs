namespace MentorNudge.Core.Tests.Content.Coaching;

/// <summary>One labelled ask: the codes a careful reader expects (every other code must not fire) and why.</summary>
internal sealed record AskExample(string Id, string Connection, bool HasPriorValue, string[] Codes, Dictionary<string, string> Why, string Text)
{
    public MentorNudge.Core.Model.Connection ConnectionKind => Connection == "admired" ? MentorNudge.Core.Model.Connection.Admired : MentorNudge.Core.Model.Connection.Existing;
}
