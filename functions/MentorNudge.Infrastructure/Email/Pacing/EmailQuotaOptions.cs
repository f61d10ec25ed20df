namespace MentorNudge.Infrastructure.Email.Pacing;

/// <summary>
/// The email service's send quota (section <c>Email:Quota</c>). ACS defaults: an Azure-managed
/// domain allows 5 per minute and 10 per hour; a custom domain 30 per minute and 100 per hour.
/// </summary>
public sealed class EmailQuotaOptions
{
    /// <summary>Most sends in any 60-second window.</summary>
    public int PerMinute { get; set; } = 5;

    /// <summary>Most sends in any 60-minute window.</summary>
    public int PerHour { get; set; } = 10;

    /// <summary>Table that holds the shared limiter state.</summary>
    public string TableName { get; set; } = "emailpacing";

    /// <summary>Row of this limiter; several senders sharing one quota use the same name.</summary>
    public string LimiterName { get; set; } = "email";
}
