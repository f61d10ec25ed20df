using System.Globalization;
using MentorNudge.Core.Content.Actions;
using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Content.Emails;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Content;

/// <summary>
/// Renders a due nudge into an email (HTML and text, headers, signed one-click action links).
/// All user text is escaped in HTML and flattened to one line in subjects and headers; a
/// finished header that still holds CR or LF throws rather than being sent.
/// </summary>
public sealed class NudgeEmailComposer
{
    /// <summary>Header carrying the nudge id.</summary>
    public const string NudgeIdHeader = "X-MentorNudge-Nudge-Id";

    /// <summary>Header carrying the nudge kind (<c>followUp</c>, <c>weeklyDigest</c>, <c>keepInTouch</c>, or <c>addressBounced</c> for the notice).</summary>
    public const string KindHeader = "X-MentorNudge-Kind";

    /// <summary>The kind header value of the address-bounced notice.</summary>
    public const string AddressBouncedKind = "addressBounced";

    private readonly ContentOptions _options;
    private readonly IClock _clock;
    private readonly ActionTokens _tokens;

    /// <summary>Creates a composer; throws when <paramref name="options"/> cannot work.</summary>
    public NudgeEmailComposer(ContentOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        _options = options;
        _clock = clock;
        _tokens = options.CreateActionTokens();
    }

    /// <summary>The wire name of a nudge kind: <c>followUp</c>, <c>weeklyDigest</c>, <c>keepInTouch</c>.</summary>
    public static string KindName(NudgeKind kind) => kind switch
    {
        NudgeKind.FollowUp => "followUp",
        NudgeKind.WeeklyDigest => "weeklyDigest",
        NudgeKind.KeepInTouch => "keepInTouch",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Renders the email for <paramref name="context"/>'s nudge.</summary>
    /// <exception cref="InvalidOperationException">The nudge refers to a person or ask that is not in the context.</exception>
    public EmailMessage Compose(NudgeRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        var nudge = context.Nudge;
        var links = Links(user.Id, nudge);
        var rendered = nudge.Kind switch
        {
            NudgeKind.FollowUp => FollowUpEmail.Render(
                user, FindPerson(context), FindAsk(context), Math.Max(1, nudge.Step), _options.ProductName, links),
            NudgeKind.KeepInTouch => RenderKeepInTouch(context, links),
            NudgeKind.WeeklyDigest => WeeklyDigestEmail.Render(user, WeeklyDigestPicker.Pick(context), _options.ProductName, links),
            _ => throw new ArgumentOutOfRangeException(nameof(context), "Unknown nudge kind."),
        };

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [NudgeIdHeader] = nudge.Id,
            [KindHeader] = KindName(nudge.Kind),
            ["List-Unsubscribe"] = $"<{links.Unsubscribe.AbsoluteUri}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return Finish(user, rendered, headers, nudge.Id);
    }

    /// <summary>
    /// Renders the notice that the user's address bounced. The service shows it through the API
    /// and the user's webhook; this email form is for a secondary channel (an outbox, an admin
    /// copy) since the bounced address itself cannot receive it. No action links.
    /// </summary>
    public EmailMessage ComposeAddressBounced(User user, Instant bouncedAt, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var key = string.Create(CultureInfo.InvariantCulture, $"bounce-{user.Id}-{bouncedAt.ToUnixTimeSeconds()}");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [NudgeIdHeader] = key,
            [KindHeader] = AddressBouncedKind,
        };
        return Finish(user, AddressBouncedEmail.Render(user, bouncedAt, detail, _options.ProductName), headers, key);
    }

    /// <summary>The signed one-click URL for <paramref name="action"/> on a nudge, valid for the configured lifetime.</summary>
    public Uri ActionUrl(string userId, string nudgeId, ActionKind action) =>
        _options.ActionUrl(_tokens.Create(userId, nudgeId, action, _clock.GetCurrentInstant() + _options.LinkLifetime));

    private ActionLinkSet Links(string userId, Nudge nudge)
    {
        var unsubscribe = ActionUrl(userId, nudge.Id, ActionKind.Unsubscribe);
        return nudge.Kind switch
        {
            NudgeKind.FollowUp => new ActionLinkSet(
                unsubscribe,
                ActionUrl(userId, nudge.Id, ActionKind.Replied),
                ActionUrl(userId, nudge.Id, ActionKind.Snooze),
                ActionUrl(userId, nudge.Id, ActionKind.Stop)),
            NudgeKind.KeepInTouch => new ActionLinkSet(
                unsubscribe,
                Snooze: ActionUrl(userId, nudge.Id, ActionKind.Snooze),
                Stop: ActionUrl(userId, nudge.Id, ActionKind.Stop)),
            _ => new ActionLinkSet(unsubscribe),
        };
    }

    private RenderedEmail RenderKeepInTouch(NudgeRenderContext context, ActionLinkSet links)
    {
        var person = FindPerson(context);
        var lastContact = WeeklyDigestPicker.LastContact(context, person, context.Now);
        return KeepInTouchEmail.Render(context.User, person, lastContact, context.Now, _options.ProductName, links);
    }

    private static Person FindPerson(NudgeRenderContext context) =>
        context.People.FirstOrDefault(p => p.Id == context.Nudge.PersonId)
        ?? throw new InvalidOperationException("The nudge refers to a person that is not in the render context.");

    private static Ask FindAsk(NudgeRenderContext context) =>
        context.Asks.FirstOrDefault(a => a.Id == context.Nudge.AskId)
        ?? throw new InvalidOperationException("The nudge refers to an ask that is not in the render context.");

    private static EmailMessage Finish(User user, RenderedEmail rendered, Dictionary<string, string> headers, string messageKey)
    {
        foreach (var (name, value) in headers)
        {
            SafeText.RequireHeaderSafe(value, name);
        }

        var toName = SafeText.OneLine(user.DisplayName, 80);
        return new EmailMessage(
            SafeText.RequireHeaderSafe(user.Email, "To"),
            toName.Length == 0 ? null : toName,
            SafeText.RequireHeaderSafe(SafeText.OneLine(rendered.Subject, 160), "Subject"),
            rendered.Html,
            rendered.Text,
            headers,
            messageKey);
    }
}
