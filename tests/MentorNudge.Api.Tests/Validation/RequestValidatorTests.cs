using MentorNudge.Api.Contracts;
using MentorNudge.Api.Validation;
using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Api.Tests.Validation;

/// <summary>The API only parses: every field error it reports for a present field is the Core validator's.</summary>
public sealed class RequestValidatorTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 6, 1, 12, 0));

    private static SettingsRequest ValidSettings() => new(
        "ada@example.com", "Ada", "Europe/London", "GB", [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday], new LocalTime(9, 0),
        new WeeklyDigestRequest(IsoDayOfWeek.Monday, new LocalTime(8, 0), 3, true), new FollowUpRequest(5, 7, 2), null, null, null);

    public static TheoryData<string, SettingsRequest> BadSettings => new()
    {
        { "email", ValidSettings() with { Email = "ada@localhost" } },
        { "displayName", ValidSettings() with { DisplayName = new string('a', UserSettingsValidator.MaxDisplayNameLength + 1) } },
        { "timeZone", ValidSettings() with { TimeZone = "Mars/Olympus" } },
        { "country", ValidSettings() with { Country = "XX" } },
        { "workDays", ValidSettings() with { WorkDays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Monday] } },
        { "weeklyDigest.maxPrompts", ValidSettings() with { WeeklyDigest = new WeeklyDigestRequest(IsoDayOfWeek.Monday, null, UserSettingsValidator.MaxDigestPrompts + 1, true) } },
        { "followUp.firstAfterBusinessDays", ValidSettings() with { FollowUp = new FollowUpRequest(UserSettingsValidator.MaxBusinessDays + 1, 7, 2) } },
        { "followUp.maxFollowUps", ValidSettings() with { FollowUp = new FollowUpRequest(5, 7, UserSettingsValidator.MaxFollowUps + 1) } },
        { "extraHolidays", ValidSettings() with { ExtraHolidays = Enumerable.Range(0, UserSettingsValidator.MaxExtraHolidays + 1).Select(d => new LocalDate(2027, 1, 1).PlusDays(d)).ToList() } },
        { "webhook.url", ValidSettings() with { Webhook = new WebhookRequest("http://hooks.example.com/in", null, null) } },
        { "webhook.secret", ValidSettings() with { Webhook = new WebhookRequest("https://hooks.example.com/in", null, "short") } },
        { "webhook.inboundSecret", ValidSettings() with { Webhook = new WebhookRequest("https://hooks.example.com/in", null, "same-secret-0123456789", "same-secret-0123456789") } },
    };

    [Fact]
    public void Settings_ValidRequest_NoErrors()
    {
        var (settings, errors) = RequestValidator.Settings(ValidSettings(), null, NewSecret, Clock);

        Assert.False(errors.Any);
        Assert.NotNull(settings);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Settings_BreaksACoreRule_ReportsTheCoreValidatorsErrorsOnly(string field, SettingsRequest request)
    {
        var (settings, errors) = RequestValidator.Settings(request, null, NewSecret, Clock);

        Assert.Null(settings);
        var reported = errors.ToDictionary();
        Assert.Equal([field], reported.Keys);
        var core = new UserSettingsValidator(Clock).ValidateProfile(request.Email, request.DisplayName, Parsed(request));
        Assert.Equal(core.Where(e => e.Field == field).Select(e => e.Message), reported[field]);
    }

    [Fact]
    public void Settings_RequiredFieldsMissing_NamedOnceEach()
    {
        var (_, errors) = RequestValidator.Settings(ValidSettings() with { Email = null, TimeZone = null, Country = null }, null, NewSecret, Clock);

        var reported = errors.ToDictionary();
        Assert.Equal(["country", "email", "timeZone"], reported.Keys.Order(StringComparer.Ordinal));
        Assert.All(reported.Values, messages => Assert.Equal(["Required."], messages));
    }

    public static TheoryData<string, PersonRequest> BadPeople => new()
    {
        { "name", Person() with { Name = "Ada\nBcc: x@example.com" } },
        { "emails[0]", Person() with { Emails = ["not-an-address"] } },
        { "emails", Person() with { Emails = Enumerable.Range(0, PersonValidator.MaxListItems + 1).Select(i => $"p{i}@example.com").ToList() } },
        { "interests[0]", Person() with { Interests = [new string('i', PersonValidator.MaxInterestLength + 1)] } },
        { "links[0]", Person() with { Links = ["ftp://example.com/x"] } },
        { "notes", Person() with { Notes = new string('n', PersonValidator.MaxNotesLength + 1) } },
        { "notes", Person() with { Notes = "bell\u0007" } },
        { "keepInTouchEveryDays", Person() with { KeepInTouchEveryDays = 366 } },
    };

    [Theory]
    [MemberData(nameof(BadPeople))]
    public void Person_BreaksACoreRule_ReportsThePersonValidatorsErrorsOnly(string field, PersonRequest request)
    {
        var (draft, errors) = RequestValidator.Person(request);

        Assert.Null(draft);
        var reported = errors.ToDictionary();
        Assert.Equal([field], reported.Keys);
        var core = PersonValidator.Validate(new Person(
            "new", "new", request.Name!.Trim(), request.Emails ?? [], request.Connection ?? Connection.Existing, request.Role ?? PersonRole.Mentor,
            request.Interests ?? [], request.Links ?? [], request.Notes, request.KeepInTouchEveryDays, Instant.MinValue));
        Assert.Equal(core.Where(e => e.Field == field).Select(e => e.Message), reported[field]);
    }

    private static PersonRequest Person() => new("Grace Hopper", ["grace@example.com"], null, null, ["compilers"], ["https://example.com/grace"], null, 60);

    private static string NewSecret() => "generated-secret-" + Guid.NewGuid().ToString("N");

    // The request as the Core sees it (defaults filled in), built here without the API's parser.
    private static UserSettings Parsed(SettingsRequest r)
    {
        var webhook = r.Webhook is { Url: { } url } w && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? new WebhookSettings(uri, w.Format ?? WebhookFormat.Generic, w.Secret ?? "generated-secret-0123456789", w.InboundSecret ?? "generated-inbound-0123456789")
            : null;
        return new UserSettings(
            r.TimeZone!,
            r.Country!,
            r.WorkDays!.Order().ToList(),
            r.ReminderTime ?? UserSettings.DefaultReminderTime,
            new WeeklyDigestSettings(r.WeeklyDigest!.Day ?? IsoDayOfWeek.Monday, r.WeeklyDigest.Time ?? WeeklyDigestSettings.Default.Time, r.WeeklyDigest.MaxPrompts ?? 3, true),
            new FollowUpPolicy(r.FollowUp!.FirstAfterBusinessDays!.Value, r.FollowUp.ThenAfterBusinessDays!.Value, r.FollowUp.MaxFollowUps!.Value),
            r.VacationUntil,
            r.ExtraHolidays?.Distinct().Order().ToList(),
            webhook);
    }
}
