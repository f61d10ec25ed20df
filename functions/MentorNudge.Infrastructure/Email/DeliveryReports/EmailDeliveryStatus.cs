namespace MentorNudge.Infrastructure.Email.DeliveryReports;

/// <summary>Delivery outcome reported by ACS for one recipient.</summary>
public enum EmailDeliveryStatus
{
    /// <summary>A status this version does not know.</summary>
    Unknown,
    Delivered,
    Expanded,
    Bounced,
    Suppressed,
    Failed,
    FilteredSpam,
    Quarantined,
}
