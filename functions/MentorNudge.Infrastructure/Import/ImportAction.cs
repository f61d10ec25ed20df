namespace MentorNudge.Infrastructure.Import;

/// <summary>What an import did (or, in a dry run, would do) with one contact.</summary>
public enum ImportAction
{
    /// <summary>No person matched: a new one (connection <c>existing</c>, role <c>other</c>).</summary>
    Created,

    /// <summary>A person matched by email, profile URL or (with neither) name, and gained emails, links or notes.</summary>
    Updated,

    /// <summary>A person matched and already had everything the contact holds.</summary>
    Unchanged,

    /// <summary>The contact was not imported; the errors say why.</summary>
    Skipped,
}
