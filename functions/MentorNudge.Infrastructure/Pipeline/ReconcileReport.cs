namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>What a reconcile run repaired.</summary>
/// <param name="UsersChecked">Users looked at.</param>
/// <param name="NudgesAdded">Planned nudges whose rows were missing (written now).</param>
/// <param name="NudgesRescheduled">Nudges whose stored due instant no longer matched the plan.</param>
/// <param name="IndexRowsRepaired">Scheduled nudges whose due-index row was missing (written now).</param>
/// <param name="Requeued">Overdue Scheduled nudges put on the queue again (lost messages, expired leases).</param>
/// <param name="Failures">Users that could not be reconciled this time (logged; retried next run).</param>
public sealed record ReconcileReport(int UsersChecked, int NudgesAdded, int NudgesRescheduled, int IndexRowsRepaired, int Requeued, int Failures);
