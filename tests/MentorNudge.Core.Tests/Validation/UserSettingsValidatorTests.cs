using MentorNudge.Core.Model;
using MentorNudge.Core.Validation;
using NodaTime;
using NodaTime.Testing;

namespace MentorNudge.Core.Tests.Validation;

public sealed class UserSettingsValidatorTests
{
    private const string Secret = "webhook-secret-0123456789";

    private static readonly UserSettingsValidator Validator = new(new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));

    private static UserSettings Valid => UserSettings.CreateDefault("Europe/London", "GB");

    private static FieldError Single(UserSettings settings) => Assert.Single(Validator.Validate(settings));

    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(Validator.Validate(Valid));

    [Fact]
    public void Validate_UnknownZone_NamesTheTzDatabase()
    {
        var error = Single(Valid with { TimeZoneId = "Europe/Londres" });
        Assert.Equal("timeZone", error.Field);
        Assert.Contains("\"Europe/London\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://en.wikipedia.org/wiki/List_of_tz_database_time_zones", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WindowsZoneId_Rejected() =>
        Assert.Equal("timeZone", Single(Valid with { TimeZoneId = "GMT Standard Time" }).Field);

    [Fact]
    public void Validate_UnknownCountry_ListsSupportedCodes()
    {
        var error = Single(Valid with { Country = "UK" });
        Assert.Equal("country", error.Field);
        Assert.Contains("GB, GR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LowerCaseCountry_Error() => Assert.Equal("country", Single(Valid with { Country = "de" }).Field);

    [Fact]
    public void Validate_NoWorkDays_Error() => Assert.Equal("workDays", Single(Valid with { WorkDays = [] }).Field);

    [Fact]
    public void Validate_ReminderTimeWithSeconds_MustBeWholeMinutes()
    {
        var error = Single(Valid with { ReminderTime = new LocalTime(9, 0, 30) });
        Assert.Equal("reminderTime", error.Field);
        Assert.Contains("whole minutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DigestTimeWithTicks_Error() =>
        Assert.Equal("weeklyDigest.time", Single(Valid with { WeeklyDigest = WeeklyDigestSettings.Default with { Time = LocalTime.FromTicksSinceMidnight(1) } }).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Validate_MaxPromptsOutOfRange_Error(int maxPrompts) =>
        Assert.Equal("weeklyDigest.maxPrompts", Single(Valid with { WeeklyDigest = WeeklyDigestSettings.Default with { MaxPrompts = maxPrompts } }).Field);

    [Theory]
    [InlineData(0, 7, 2, "followUp.firstAfterBusinessDays")]
    [InlineData(31, 7, 2, "followUp.firstAfterBusinessDays")]
    [InlineData(5, 0, 2, "followUp.thenAfterBusinessDays")]
    [InlineData(5, 7, -1, "followUp.maxFollowUps")]
    [InlineData(5, 7, 11, "followUp.maxFollowUps")]
    public void Validate_PolicyOutOfBounds_NamesTheField(int first, int then, int max, string field) =>
        Assert.Equal(field, Single(Valid with { FollowUp = new FollowUpPolicy(first, then, max) }).Field);

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(UserSettingsValidator.MaxBusinessDays, UserSettingsValidator.MaxBusinessDays, UserSettingsValidator.MaxFollowUps)]
    public void Validate_PolicyAtBounds_NoErrors(int first, int then, int max) =>
        Assert.Empty(Validator.Validate(Valid with { FollowUp = new FollowUpPolicy(first, then, max) }));

    [Fact]
    public void Validate_VacationTooFarAhead_Error() =>
        Assert.Equal("vacationUntil", Single(Valid with { VacationUntil = new LocalDate(2027, 7, 1) }).Field);

    [Fact]
    public void Validate_PastVacation_Accepted() =>
        Assert.Empty(Validator.Validate(Valid with { VacationUntil = new LocalDate(2026, 1, 1) }));

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pw@example.com/hook")]
    [InlineData("http://hooks.example.com/x")]
    public void Validate_WebhookNotHttps_Error(string url) =>
        Assert.Equal("webhook.url", Single(Valid with { Webhook = new WebhookSettings(new Uri(url), WebhookFormat.Generic, Secret) }).Field);

    [Fact]
    public void Validate_HttpsWebhook_Accepted() =>
        Assert.Empty(Validator.Validate(Valid with { Webhook = new WebhookSettings(new Uri("https://hooks.example.com/x"), WebhookFormat.Slack, Secret) }));

    [Theory]
    [InlineData("short", null, "webhook.secret")]
    [InlineData(Secret, "short", "webhook.inboundSecret")]
    [InlineData(Secret, Secret, "webhook.inboundSecret")]
    public void Validate_WebhookSecretTooShortOrShared_Error(string secret, string? inbound, string field) =>
        Assert.Equal(field, Single(Valid with { Webhook = new WebhookSettings(new Uri("https://hooks.example.com/x"), WebhookFormat.Generic, secret, inbound) }).Field);

    [Fact]
    public void Validate_WorkDayTwice_Error() =>
        Assert.Equal("workDays", Single(Valid with { WorkDays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Monday] }).Field);

    [Fact]
    public void ValidateProfile_DotlessDomainAndTwoLineName_ErrorsForBoth()
    {
        var errors = Validator.ValidateProfile("ada@localhost", "Ada\nBcc: x", Valid);
        Assert.Equal(["email", "displayName"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var errors = Validator.Validate(Valid with { TimeZoneId = "Mars/Olympus", Country = "XX", WorkDays = [] });
        Assert.Equal(["timeZone", "country", "workDays"], errors.Select(e => e.Field));
    }
}
