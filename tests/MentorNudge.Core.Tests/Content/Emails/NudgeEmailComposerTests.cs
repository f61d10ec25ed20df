using System.Text.RegularExpressions;
using MentorNudge.Core.Content;
using MentorNudge.Core.Content.Actions;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Tests.Content.Emails;

public sealed partial class NudgeEmailComposerTests
{
    private const string HostileName = "<script>alert(1)</script> \"Eve\" O'Hara\r\nBcc: victim@example.org";
    private const string HostileNote = "<img src=x onerror=alert(1)> & \"quotes\"";

    private static readonly ActionTokens Tokens = new(ContentFixtures.Key);

    public static TheoryData<string> Kinds() => ["followUp", "weeklyDigest", "keepInTouch"];

    private static EmailMessage Render(string kind, string personName = "Grace Hopper", string? displayName = "Ada", string[]? links = null)
    {
        var person = ContentFixtures.Person("p1", name: personName, links: links, notes: HostileNote, keepInTouch: 10,
            created: Instant.FromUtc(2026, 12, 1, 9, 0));
        var ask = ContentFixtures.Ask("a1", "p1", subject: personName + " subject");
        var user = ContentFixtures.User(displayName);
        Nudge nudge = kind switch
        {
            "followUp" => ContentFixtures.FollowUpNudge("a1", "p1", 2),
            "keepInTouch" => ContentFixtures.KeepInTouchNudge("p1"),
            _ => ContentFixtures.DigestNudge(new LocalDate(2027, 3, 29)),
        };
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var due = ContentFixtures.Now + Duration.FromDays(2);
        PlannedNudge[] upcoming = [new(NudgeIds.FollowUp("a1", 2), NudgeKind.FollowUp, "p1", "a1", 2, due, due.InZone(zone))];
        var context = ContentFixtures.Context(nudge, [person], [ask], upcoming: upcoming, user: user);
        return ContentFixtures.Composer().Compose(context);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compose_EveryKind_HeadersPresentAndOneClickUnsubscribe(string kind)
    {
        var email = Render(kind);
        Assert.Equal(kind, email.Headers["X-MentorNudge-Kind"]);
        Assert.Equal(email.MessageKey, email.Headers["X-MentorNudge-Nudge-Id"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = Regex.Match(email.Headers["List-Unsubscribe"], "^<(https://[^>]+)>$");
        Assert.True(unsubscribe.Success, email.Headers["List-Unsubscribe"]);
        var verified = VerifyLink(unsubscribe.Groups[1].Value);
        Assert.Equal(ActionKind.Unsubscribe, verified.Action);
        Assert.Equal(ContentFixtures.UserId, verified.UserId);
        Assert.Equal(email.MessageKey, verified.NudgeId);
        Assert.Equal(ContentFixtures.Now + Duration.FromDays(30), verified.ExpiresAt);
        Assert.Equal("ada@example.org", email.To);
        Assert.Equal("Ada", email.ToName);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compose_EveryKind_PhoneReadableSelfContainedHtmlAndPlainText(string kind)
    {
        var email = Render(kind);
        Assert.Contains("max-width:600px", email.Html, StringComparison.Ordinal);
        // Long unbroken links (people's articles) must wrap, not widen the column on a phone.
        Assert.Contains("overflow-wrap:anywhere", email.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<", email.Text, StringComparison.Ordinal);
        Assert.Contains("Hi Ada,", email.Text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe from all emails: https://nudge.example.org/api/v1/actions/", email.Text, StringComparison.Ordinal);
        Assert.All(Hrefs(email.Html), href => Assert.StartsWith("https://", href, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Compose_HostileNameAndNotes_EscapedAndNoHeaderInjection(string kind)
    {
        var email = Render(kind, personName: HostileName, displayName: "<b>Ada</b>\r\nBcc: x@example.org");
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ada", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileNote, email.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[\r\n]", email.Subject);
        Assert.DoesNotMatch("[\r\n]", email.ToName!);
        Assert.All(email.Headers.Values, v => Assert.DoesNotMatch("[\r\n]", v));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Eve&quot;", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Ada&lt;/b&gt;", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FollowUp_SubjectOneLineWithHostileName()
    {
        var email = Render("followUp", personName: HostileName);
        Assert.Equal("A kind follow-up with <script>alert(1)</script> \"Eve\" O'Hara Bcc: victim@example.org", email.Subject);
        Assert.Contains("&quot;Eve&quot; O&#39;Hara", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FollowUp_SignedActionLinksForThisNudge()
    {
        var email = Render("followUp");
        var actions = ActionLinks(email.Html).Select(VerifyLink).ToList();
        Assert.Equal(
            new[] { ActionKind.Replied, ActionKind.Snooze, ActionKind.Stop, ActionKind.Unsubscribe },
            actions.Select(a => a.Action!.Value).Order().ToArray());
        Assert.All(actions, a => Assert.Equal("fu-a1-2", a.NudgeId));
        Assert.Contains("They replied: https://nudge.example.org/api/v1/actions/", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FollowUp_ContentShowsAskDraftAndLocalDate()
    {
        var email = Render("followUp");
        Assert.Contains("Follow-up 2 of 2.", email.Text, StringComparison.Ordinal);
        Assert.Contains("last reminder", email.Text, StringComparison.Ordinal);
        // Sent 2027-03-15 10:00 UTC is Monday 15 March in Berlin.
        Assert.Contains("on Monday 15 March 2027 about \"Grace Hopper subject\"", email.Text, StringComparison.Ordinal);
        Assert.Contains("<blockquote", email.Html, StringComparison.Ordinal);
        Assert.Contains("Hi Grace,", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_KeepInTouch_SnoozeAndStopLinks()
    {
        var email = Render("keepInTouch");
        var actions = ActionLinks(email.Html).Select(VerifyLink).Select(a => a.Action!.Value).Order().ToArray();
        Assert.Equal(new[] { ActionKind.Snooze, ActionKind.Stop, ActionKind.Unsubscribe }, actions);
        Assert.Contains("Keep in touch with Grace Hopper", email.Subject, StringComparison.Ordinal);
        Assert.Contains("13 days since you were last in touch with Grace Hopper (on Monday 15 March 2027). You wanted to be in touch every 10 days.", email.Text, StringComparison.Ordinal);
        Assert.Contains("https://blog.example.org/p1", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Digest_ListsPromptsFollowUpsDueInLocalTime()
    {
        var email = Render("weeklyDigest");
        Assert.Contains("Your week: 1 way to add value first", email.Subject, StringComparison.Ordinal);
        Assert.Contains("FOLLOW-UPS DUE THIS WEEK", email.Text, StringComparison.Ordinal);
        // Due 2027-03-31 07:00 UTC is 09:00 in Berlin (summer time).
        Assert.Contains("Grace Hopper (\"Grace Hopper subject\"): follow-up 2, Wednesday 31 March, 09:00", email.Text, StringComparison.Ordinal);
        Assert.Contains("LOSING TOUCH\n- Grace Hopper: last in touch 13 days ago", email.Text, StringComparison.Ordinal);
        Assert.Single(ActionLinks(email.Html));
    }

    [Fact]
    public void Compose_NonHttpLinks_Dropped()
    {
        var email = Render("keepInTouch", links: ["javascript:alert(1)", "data:text/html,hi", "/relative", "ftp://x.example.org/f", "https://ok.example.org/talk"]);
        Assert.DoesNotContain("javascript:", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ftp:", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", email.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://ok.example.org/talk", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoDisplayName_GreetsNeutrally()
    {
        var email = Render("followUp", displayName: null);
        Assert.Contains("Hi there,", email.Text, StringComparison.Ordinal);
        Assert.Null(email.ToName);
    }

    [Fact]
    public void Compose_UserAddressWithLineBreak_Throws()
    {
        var context = ContentFixtures.Context(ContentFixtures.KeepInTouchNudge("p1"), [ContentFixtures.Person("p1", keepInTouch: 7)],
            user: ContentFixtures.User() with { Email = "ada@example.org\r\nBcc: x@example.org" });
        Assert.Throws<InvalidOperationException>(() => ContentFixtures.Composer().Compose(context));
    }

    [Fact]
    public void Compose_UnknownPerson_Throws() =>
        Assert.Throws<InvalidOperationException>(() => ContentFixtures.Composer().Compose(
            ContentFixtures.Context(ContentFixtures.KeepInTouchNudge("missing"), [ContentFixtures.Person("p1")])));

    [Fact]
    public void ComposeAddressBounced_EscapesDetailAndHasNoActions()
    {
        var email = ContentFixtures.Composer().ComposeAddressBounced(ContentFixtures.User(), ContentFixtures.Now, "550 <mailbox> unknown\r\nX-Evil: 1");
        Assert.Equal("addressBounced", email.Headers["X-MentorNudge-Kind"]);
        Assert.False(email.Headers.ContainsKey("List-Unsubscribe"));
        Assert.Contains("&lt;mailbox&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("Monday 29 March 2027", email.Text, StringComparison.Ordinal);
        Assert.Contains("max-width:600px", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nX-Evil", email.Text, StringComparison.Ordinal);
        Assert.Equal("We couldn't deliver email to ada@example.org", email.Subject);
    }

    [Fact]
    public void Constructor_BadOptions_Throw()
    {
        Assert.Throws<ArgumentException>(() => new NudgeEmailComposer(ContentFixtures.Options() with { ActionSigningKey = new byte[8] }, ContentFixtures.Clock()));
        Assert.Throws<ArgumentException>(() => new NudgeEmailComposer(ContentFixtures.Options() with { PublicBaseUrl = new Uri("ftp://x.example.org") }, ContentFixtures.Clock()));
        Assert.Throws<ArgumentException>(() => new NudgeEmailComposer(ContentFixtures.Options() with { ProductName = "A\r\nB" }, ContentFixtures.Clock()));
    }

    private static ActionTokenResult VerifyLink(string url)
    {
        const string prefix = "https://nudge.example.org/api/v1/actions/";
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        var result = Tokens.Verify(url[prefix.Length..], ContentFixtures.Now);
        Assert.True(result.IsValid, result.Failure.ToString());
        return result;
    }

    private static IEnumerable<string> Hrefs(string html) =>
        HrefPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    private static List<string> ActionLinks(string html) =>
        Hrefs(html).Where(h => h.Contains("/api/v1/actions/", StringComparison.Ordinal)).Distinct().ToList();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefPattern();
}
