namespace MentorNudge.Infrastructure.Limits;

/// <summary>
/// How much one user may store, bound from <c>MentorNudge:Limits</c>. A user's data lives in one
/// table partition that every request loads, so these keep one account from growing without bound
/// (and a runaway script from filling it). Going over answers 409 with problem+json.
/// </summary>
public sealed class UserCapsOptions
{
    public const string SectionName = "MentorNudge:Limits";

    /// <summary>People per user.</summary>
    public int MaxPeople { get; set; } = 2000;

    /// <summary>Logged outreach (asks) per person.</summary>
    public int MaxAsksPerPerson { get; set; } = 500;

    /// <summary>Logged interactions per person.</summary>
    public int MaxInteractionsPerPerson { get; set; } = 1000;

    /// <summary>API tokens per user (revoked ones do not count).</summary>
    public int MaxTokens { get; set; } = 20;
}
