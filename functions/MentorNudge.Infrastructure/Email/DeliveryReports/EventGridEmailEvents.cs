namespace MentorNudge.Infrastructure.Email.DeliveryReports;

/// <summary>What one Event Grid delivery held: the validation handshake, delivery reports, or both.</summary>
/// <param name="ValidationCode">data.validationCode of a SubscriptionValidation event; answer <c>{ "validationResponse": code }</c>.</param>
/// <param name="Reports">Delivery reports, in the order received.</param>
/// <param name="IgnoredEvents">Events of other types, counted and skipped.</param>
public sealed record EventGridEmailEvents(string? ValidationCode, IReadOnlyList<EmailDeliveryReport> Reports, int IgnoredEvents);
