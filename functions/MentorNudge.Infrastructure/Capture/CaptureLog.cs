using MentorNudge.Infrastructure.Email;
using MentorNudge.Infrastructure.Limits;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Capture;
using MentorNudge.Core.Content;
using MentorNudge.Core.Content.Actions;
using MentorNudge.Core.Content.Emails;
using MentorNudge.Core.Model;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MentorNudge.Infrastructure.Capture;

/// <summary>
/// Logs an outreach from an email the user BCC'd to their capture address: finds the user by the
/// address, ignores mail not sent from the user's own address, matches each To/Cc recipient to a
/// person (creating them only when the user allowed it, within the people cap), logs the outreach
/// for each through <see cref="Outreach"/> (same coach, same follow-ups, backdated to the Date
/// header), once per Message-ID, and emails the user a confirmation with an undo link.
/// </summary>
public sealed class CaptureLog(
    CaptureAddresses addresses,
    CaptureRecords records,
    CaptureUndo undo,
    Users users,
    People people,
    Outreach outreach,
    IEmailSender email,
    ContentOptions content,
    IClock clock,
    ILogger<CaptureLog> logger)
{
    /// <summary>Most recipients logged from one message; the rest are reported as skipped.</summary>
    public const int MaxRecipients = 50;

    private const int MaxSubjectLength = 300;
    private const int MaxTextLength = 20_000;

    private readonly ActionTokens _tokens = content.CreateActionTokens();

    public async Task<CaptureResult> LogAsync(CapturedEmail mail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        (string UserId, bool CreatePeople)? owner = null;
        foreach (var address in mail.DeliveredTo.Where(a => addresses.OpaqueIdOf(a) is not null))
        {
            owner = await addresses.FindAsync(address, ct).ConfigureAwait(false);
            if (owner is not null)
            {
                break;
            }
        }

        if (owner is not { } found || await users.FindAsync(found.UserId, ct).ConfigureAwait(false) is not { } user)
        {
            return CaptureResult.Ignored("no-capture-address");
        }

        if (!mail.From.Equals(user.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Ignored a captured email to user {UserId} from another sender", user.Id);
            return CaptureResult.Ignored("foreign-sender");
        }

        if (mail.SenderAuthenticationFailed)
        {
            logger.LogWarning("Ignored a captured email to user {UserId} whose sender failed DMARC", user.Id);
            return CaptureResult.Ignored("sender-not-authenticated");
        }

        var captureId = CaptureRecords.IdOf(mail.MessageId);
        if (!await records.TryClaimAsync(user.Id, captureId, ct).ConfigureAwait(false))
        {
            // Still being applied by another delivery: that one may yet fail, so this one must be retried, not dropped.
            var earlier = await records.FindAsync(user.Id, captureId, ct).ConfigureAwait(false);
            return new CaptureResult(earlier is { State: "pending" } ? "pending" : "duplicate", null, captureId, [], []);
        }

        var logged = new List<CapturedOutreach>();
        var skipped = new List<SkippedRecipient>();
        var created = new List<string>();
        try
        {
            await LogForRecipientsAsync(user, found.CreatePeople, mail, logged, skipped, created, ct).ConfigureAwait(false);
            await records.SaveAsync(user.Id, new CaptureRecord(captureId, "logged", logged.Select(o => o.AskId).ToList(), created), ct).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // Half a capture is worse than none: remove what was logged and forget the claim, so the relay's retry starts clean.
            logger.LogError(failure, "Capture {CaptureId} of user {UserId} failed; rolling back", captureId, user.Id);
            try
            {
                await undo.RemoveAsync(user.Id, logged.Select(o => o.AskId).ToList(), created, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await records.ReleaseAsync(user.Id, captureId).ConfigureAwait(false);
            }

            throw;
        }

        logger.LogInformation("Captured an email for user {UserId}: {Logged} outreach logged, {Skipped} recipients skipped", user.Id, logged.Count, skipped.Count);
        await ConfirmAsync(user, mail.Subject, captureId, logged, skipped, ct).ConfigureAwait(false);
        return new CaptureResult("logged", null, captureId, logged, skipped);
    }

    private async Task LogForRecipientsAsync(
        User user, bool createPeople, CapturedEmail mail, List<CapturedOutreach> logged, List<SkippedRecipient> skipped, List<string> created, CancellationToken ct)
    {
        var known = await people.ListAsync(user.Id, ct).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        var draft = new OutreachDraft(
            mail.SentAt is { } sent && sent <= now ? sent : now,
            "email",
            Truncate(mail.Subject, MaxSubjectLength),
            Truncate(mail.Text, MaxTextLength));
        var recipients = mail.Recipients
            .Where(r => addresses.OpaqueIdOf(r.Address) is null && !r.Address.Equals(user.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var (address, name) in recipients.Skip(MaxRecipients))
        {
            skipped.Add(new SkippedRecipient(address, "too-many-recipients"));
        }

        foreach (var (address, name) in recipients.Take(MaxRecipients))
        {
            var person = known.FirstOrDefault(p => p.Emails.Any(e => e.Equals(address, StringComparison.OrdinalIgnoreCase)));
            var isNew = false;
            if (person is null && !createPeople)
            {
                skipped.Add(new SkippedRecipient(address, "unknown-person"));
                continue;
            }

            if (person is null)
            {
                try
                {
                    person = await people.AddAsync(user.Id, new PersonDraft(NameFor(address, name), [address], Connection.Existing, PersonRole.Other), ct).ConfigureAwait(false);
                }
                catch (CapExceededException)
                {
                    skipped.Add(new SkippedRecipient(address, "people-cap"));
                    continue;
                }
                catch (ValidationFailedException)
                {
                    skipped.Add(new SkippedRecipient(address, "invalid"));
                    continue;
                }

                isNew = true;
                created.Add(person.Id);
            }

            OutreachResult result;
            try
            {
                result = await outreach.LogAsync(user.Id, person.Id, draft, ct).ConfigureAwait(false);
            }
            catch (CapExceededException)
            {
                skipped.Add(new SkippedRecipient(address, "asks-cap"));
                continue;
            }

            logged.Add(new CapturedOutreach(person.Id, person.Name, address, isNew, result.Ask.Id, result.FollowUps.Select(f => f.DueLocal).ToList(), result.Coach));
        }
    }

    private async Task ConfirmAsync(User user, string? subject, string captureId, List<CapturedOutreach> logged, List<SkippedRecipient> skipped, CancellationToken ct)
    {
        if (user.Unsubscribed || user.EmailUndeliverable)
        {
            return;
        }

        var undoUrl = content.ActionUrl(_tokens.Create(user.Id, captureId, ActionKind.Undo, clock.GetCurrentInstant() + content.LinkLifetime));
        var message = CaptureConfirmationEmail.Compose(user, subject, logged, skipped, undoUrl, content.ProductName, "capture-" + captureId);
        try
        {
            await email.SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The outreach is logged either way; only the courtesy email is lost.
            logger.LogWarning(ex, "Could not send the capture confirmation {CaptureId} to user {UserId}", captureId, user.Id);
        }
    }

    private static string NameFor(string address, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return name.Length > 200 ? name[..200] : name;
        }

        return address[..address.IndexOf('@', StringComparison.Ordinal)];
    }

    private static string? Truncate(string? s, int max) =>
        string.IsNullOrWhiteSpace(s) ? null : s.Length <= max ? s : s[..max];
}
