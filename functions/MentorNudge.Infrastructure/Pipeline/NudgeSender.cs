using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Storage;
using MentorNudge.Core.Content;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Pipeline;

/// <summary>
/// The send-nudge worker. For one message: load the user's partition, re-check the nudge (gone,
/// no longer Scheduled, moved, vacation, unsubscribed, bouncing address, person stopped or
/// snoozed, ask answered, stale digest, too many attempts), claim it with an If-Match lease, render,
/// send with MessageKey = nudge id, record Sent (If-Match) first, then enqueue the webhook delivery
/// and write the delivery map (redone by a redelivered message if they failed), re-plan.
/// The same message handled twice, or by two instances at once, sends one email: the lease makes
/// the second wait, and the recorded status makes it a no-op.
/// </summary>
public sealed class NudgeSender(
    UserDataRepository data,
    NudgeScheduler scheduler,
    DeliveryMap deliveries,
    WorkQueues queues,
    INudgeRenderer renderer,
    IEmailSender emailSender,
    ISendQuota quota,
    IClock clock,
    ILogger<NudgeSender> logger)
{
    /// <summary>How long a claim keeps other workers off. Longer than any send; a crashed worker's claim simply expires.</summary>
    public static readonly Duration LeaseDuration = Duration.FromMinutes(5);

    /// <summary>A weekly digest more overdue than this is skipped (<c>collapsed-overdue</c>) instead of sent late.</summary>
    public static readonly Duration StaleDigestAge = Duration.FromDays(1);

    /// <summary>A message may run this much ahead of the nudge's due instant (clock skew between instances).</summary>
    public static readonly Duration EarlyTolerance = Duration.FromMinutes(1);

    /// <summary>Sends started for one nudge before it is given up as failed (<c>too-many-attempts</c>), so a transient failure cannot loop for ever.</summary>
    public const int MaxSendAttempts = 10;

    private const int MaxAttempts = 3;

    /// <summary>
    /// Handles a raw queue message and puts it back with a visibility delay when the result says
    /// so (the host then completes the original). Malformed messages are dropped with a warning.
    /// </summary>
    public async Task<SendNudgeResult> ProcessAsync(string messageText, CancellationToken cancellationToken = default)
    {
        NudgeMessage message;
        try
        {
            message = NudgeMessage.Parse(messageText);
        }
        catch (FormatException)
        {
            logger.LogWarning("Dropped a malformed nudges message");
            return new SendNudgeResult(SendNudgeOutcome.NotFound, "malformed");
        }

        var result = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SendNudgeOutcome.RetryLater)
        {
            await queues.EnqueueNudgeAsync(message, result.RetryAfter, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Handles one message; see the type's remarks. Does not re-enqueue (see <see cref="ProcessAsync"/>).</summary>
    public async Task<SendNudgeResult> SendAsync(NudgeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed the nudge between our read and our write: look again.
            }
            catch (ConcurrencyConflictException)
            {
                return SendNudgeResult.Retry("contended", LeaseDuration.ToTimeSpan());
            }
        }
    }

    private async Task<SendNudgeResult> SendOnceAsync(NudgeMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var partition = await data.LoadAsync(message.UserId, cancellationToken).ConfigureAwait(false);
        var user = partition.User?.Value;
        if (user is null || !partition.Nudges.TryGetValue(message.NudgeId, out var stored))
        {
            logger.LogInformation("Nudge {NudgeId} no longer exists; message dropped", message.NudgeId);
            return new SendNudgeResult(SendNudgeOutcome.NotFound, "gone");
        }

        var nudge = stored.Nudge;
        if (nudge.Status == NudgeStatus.Sent)
        {
            // A redelivered message: finish what a failure after the send may have left undone.
            await FollowThroughAsync(user, stored, redelivered: true, cancellationToken).ConfigureAwait(false);
            return new SendNudgeResult(SendNudgeOutcome.AlreadyDone, nudge.Status.ToString());
        }

        if (nudge.Status != NudgeStatus.Scheduled)
        {
            return new SendNudgeResult(SendNudgeOutcome.AlreadyDone, nudge.Status.ToString());
        }

        if (nudge.DueAt > now + EarlyTolerance)
        {
            // Moved later after this message was enqueued: its new index row dispatches it.
            return nudge.DueAt.ToUnixTimeTicks() != message.DueTicks
                ? new SendNudgeResult(SendNudgeOutcome.Rescheduled, "moved")
                : SendNudgeResult.Retry("early", (nudge.DueAt - now).ToTimeSpan());
        }

        if (stored.IsLeased(now))
        {
            // Another worker is sending it; come back when its lease ends and find it Sent.
            return SendNudgeResult.Retry("in-flight", (stored.LeaseUntil!.Value - now).ToTimeSpan());
        }

        if (SendTimeChecks.SkipReason(partition, user, nudge, now) is { } skip)
        {
            var status = skip.Cancel ? NudgeStatus.Cancelled : NudgeStatus.Skipped;
            var closed = stored with { Nudge = nudge with { Status = status, Reason = skip.Reason }, LeaseUntil = null };
            partition.Nudges[closed.Id] = closed;
            await scheduler.ApplyAsync(partition, closed, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Nudge {NudgeId} {Status}: {Reason}", nudge.Id, status, skip.Reason);
            return new SendNudgeResult(skip.Cancel ? SendNudgeOutcome.Cancelled : SendNudgeOutcome.Skipped, skip.Reason);
        }

        if (stored.Attempts >= MaxSendAttempts)
        {
            var givenUp = stored with { Nudge = nudge with { Status = NudgeStatus.Failed, Reason = "too-many-attempts" }, LeaseUntil = null };
            partition.Nudges[givenUp.Id] = await data.WriteNudgeAsync(givenUp, stored.ETag, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Nudge {NudgeId} failed after {Attempts} send attempts", nudge.Id, stored.Attempts);
            await ReplanQuietlyAsync(partition, cancellationToken).ConfigureAwait(false);
            return new SendNudgeResult(SendNudgeOutcome.Failed, "too-many-attempts");
        }

        if (await quota.TryAcquireAsync(cancellationToken).ConfigureAwait(false) is { } wait)
        {
            return SendNudgeResult.Retry("quota", wait);
        }

        // The claim: only one worker gets past this write for the row it read.
        var claimed = await data.WriteNudgeAsync(
            stored with { LeaseUntil = now + LeaseDuration, Attempts = stored.Attempts + 1 },
            stored.ETag,
            cancellationToken).ConfigureAwait(false);
        partition.Nudges[claimed.Id] = claimed;

        var email = renderer.Render(new NudgeRenderContext(
            user,
            nudge,
            partition.PersonList,
            partition.AskList,
            partition.InteractionList,
            partition.NudgeList,
            Upcoming(partition, user, now),
            now));
        if (email.MessageKey != nudge.Id)
        {
            // The provider dedupes on the key: it must name the nudge, whatever the renderer chose.
            email = email with { MessageKey = nudge.Id };
        }

        var result = await emailSender.SendAsync(email, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case EmailSendOutcome.Sent:
                // The provider's answer is recorded first, and not cancellable: the email went out.
                await RecordSentAsync(partition, claimed, result.ProviderMessageId, now, CancellationToken.None).ConfigureAwait(false);
                await FollowThroughAsync(user, partition.Nudges[claimed.Id], redelivered: false, cancellationToken).ConfigureAwait(false);
                await ReplanQuietlyAsync(partition, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Sent nudge {NudgeId} ({Kind}) of user {UserId} through {Sender}", nudge.Id, nudge.Kind, nudge.UserId, emailSender.Name);
                return new SendNudgeResult(SendNudgeOutcome.Sent);

            case EmailSendOutcome.Throttled:
            case EmailSendOutcome.TransientFailure:
                await ReleaseQuietlyAsync(claimed, cancellationToken).ConfigureAwait(false);
                var after = result.RetryAfter ?? TimeSpan.FromMinutes(1);
                logger.LogWarning("Nudge {NudgeId} not sent ({Outcome}); retrying in {RetryAfter}", nudge.Id, result.Outcome, after);
                return SendNudgeResult.Retry(result.Outcome == EmailSendOutcome.Throttled ? "throttled" : "transient", after);

            default:
                var failed = claimed with { Nudge = nudge with { Status = NudgeStatus.Failed, Reason = result.Error ?? "rejected" }, LeaseUntil = null };
                partition.Nudges[failed.Id] = await data.WriteNudgeAsync(failed, claimed.ETag, cancellationToken).ConfigureAwait(false);
                logger.LogWarning("Nudge {NudgeId} failed for good: {Error}", nudge.Id, result.Error);
                await ReplanQuietlyAsync(partition, cancellationToken).ConfigureAwait(false);
                return new SendNudgeResult(SendNudgeOutcome.Failed, result.Error);
        }
    }

    /// <summary>
    /// After a send is recorded: enqueue the webhook delivery, then write the delivery map. A failure
    /// propagates, so the queue redelivers the message, which finds the nudge Sent and comes back here;
    /// the map row is written last, so its presence means both are done (a webhook may then be enqueued
    /// twice, which receivers recognise by its delivery id).
    /// </summary>
    private async Task FollowThroughAsync(User user, StoredNudge sent, bool redelivered, CancellationToken cancellationToken)
    {
        // Only a redelivered message pays the extra read: the first pass knows nothing is done yet.
        var key = sent.ProviderMessageId ?? sent.Id;
        if (sent.Sender is null || (redelivered && await deliveries.ExistsAsync(key, cancellationToken).ConfigureAwait(false)))
        {
            return;
        }

        if (user.Settings.Webhook is not null)
        {
            await queues.EnqueueWebhookAsync(new WebhookMessage(user.Id, sent.Id, WebhookMessage.NudgeSent), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await deliveries.RecordAsync(key, user.Id, sent.Id, user.Email, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordSentAsync(UserPartition partition, StoredNudge claimed, string? providerId, Instant now, CancellationToken cancellationToken)
    {
        StoredNudge Sent(StoredNudge source) => source with
        {
            Nudge = source.Nudge with { Status = NudgeStatus.Sent, SentAt = now, Channel = "email", Reason = null },
            LeaseUntil = null,
            ProviderMessageId = providerId,
            Sender = emailSender.Name,
        };

        try
        {
            // The record and the plan that follows from it (the next digest) in one transaction.
            var sent = Sent(claimed);
            partition.Nudges[claimed.Id] = sent;
            await scheduler.ApplyAsync(partition, sent, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            partition.Nudges[claimed.Id] = claimed;
            // Changed while we were sending (a reply cancelled it a moment too late): the email
            // went out, so the record says Sent — the truth about what the user received.
            var current = await data.GetNudgeAsync(claimed.Nudge.UserId, claimed.Id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                return;
            }

            partition.Nudges[claimed.Id] = await data.WriteNudgeAsync(Sent(current), current.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReleaseQuietlyAsync(StoredNudge claimed, CancellationToken cancellationToken)
    {
        try
        {
            await data.WriteNudgeAsync(claimed with { LeaseUntil = null }, claimed.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lease then simply expires before the retry comes back.
            logger.LogDebug(e, "Could not release the lease of {NudgeId}", claimed.Id);
        }
    }

    private async Task ReplanQuietlyAsync(UserPartition partition, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ApplyAsync(partition, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The send is recorded; the next re-plan or the reconcile schedules what comes next.
            logger.LogWarning(e, "Re-plan of {UserId} after a send failed", partition.UserId);
        }
    }

    private static List<PlannedNudge> Upcoming(UserPartition partition, User user, Instant now)
    {
        var zone = user.Settings.Zone;
        return partition.Nudges.Values
            .Select(n => n.Nudge)
            .Where(n => n.Status == NudgeStatus.Scheduled && n.DueAt > now)
            .OrderBy(n => n.DueAt)
            .Select(n => new PlannedNudge(n.Id, n.Kind, n.PersonId, n.AskId, n.Step, n.DueAt, n.DueAt.InZone(zone)))
            .ToList();
    }
}
