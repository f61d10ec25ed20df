using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Tests.Engine;

public sealed class BusinessCalendarTests
{
    private static BusinessCalendar Calendar(string country, string zone, IEnumerable<IsoDayOfWeek>? workDays = null, IEnumerable<LocalDate>? extra = null) =>
        new(country, workDays ?? UserSettings.DefaultWorkDays, DateTimeZoneProviders.Tzdb[zone], extra);

    [Fact]
    public void SupportedCountries_HoldsEveryPackageCountryOnceWithIsoCodes()
    {
        Assert.Equal(38, BusinessCalendar.SupportedCountries.Count);
        Assert.Contains("GB", BusinessCalendar.SupportedCountries);
        Assert.Contains("PL", BusinessCalendar.SupportedCountries);
        Assert.DoesNotContain("PO", BusinessCalendar.SupportedCountries);
        Assert.True(BusinessCalendar.IsSupportedCountry("us"));
        Assert.False(BusinessCalendar.IsSupportedCountry("XX"));
    }

    [Theory]
    [InlineData("Europe/Berlin", "DE")]
    [InlineData("America/New_York", "US")]
    [InlineData("Europe/London", "GB")]
    [InlineData("Australia/Sydney", "AU")]
    [InlineData("Etc/UTC", null)]
    [InlineData("Mars/Olympus_Mons", null)]
    [InlineData(null, null)]
    public void CountryOfZone_ZoneTab_GivesTheCountryWhenItsHolidaysAreKnown(string? zone, string? country)
    {
        Assert.Equal(country, BusinessCalendar.CountryOfZone(zone));
    }

    [Fact]
    public void Constructor_UnknownCountry_ListsSupportedCodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calendar("XX", "Europe/London"));
        Assert.Contains("GB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsBusinessDay_UsThanksgiving2026_IsNot()
    {
        var calendar = Calendar("US", "America/New_York");
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 11, 26)));
        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 11, 27)));
    }

    [Fact]
    public void IsBusinessDay_GbChristmas2026_ChristmasAndSubstituteBoxingDayAreNot()
    {
        var calendar = Calendar("GB", "Europe/London");
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 25)));
        // Boxing Day falls on Saturday 26 Dec 2026; the bank holiday moves to Monday 28 Dec.
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 28)));
        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 12, 29)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2027, 1, 1)));
    }

    [Fact]
    public void IsBusinessDay_DeChristmasWithSaturdayWorkDays_BothChristmasDaysAreNot()
    {
        IsoDayOfWeek[] monToSat = [.. UserSettings.DefaultWorkDays, IsoDayOfWeek.Saturday];
        var calendar = Calendar("DE", "Europe/Berlin", monToSat);
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 25)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 26)));
        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 12, 24)));
        Assert.Equal(new LocalDate(2026, 12, 28), calendar.AddBusinessDays(new LocalDate(2026, 12, 24), 1));
    }

    [Fact]
    public void AddBusinessDays_JapanGoldenWeek2027_SkipsAllHolidays()
    {
        var calendar = Calendar("JP", "Asia/Tokyo");
        // 29 Apr, 3, 4 and 5 May 2027 are holidays.
        Assert.Equal(new LocalDate(2027, 5, 11), calendar.AddBusinessDays(new LocalDate(2027, 4, 28), 5));
    }

    [Fact]
    public void IsBusinessDay_ExtraHoliday_IsNot()
    {
        var calendar = Calendar("US", "America/New_York", extra: [new LocalDate(2026, 11, 27)]);
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 11, 27)));
    }

    [Fact]
    public void IsBusinessDay_ApiaSkippedDay_IsNot()
    {
        IsoDayOfWeek[] everyDay = [.. Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d)];
        var apia = Calendar("NZ", "Pacific/Apia", everyDay);
        var auckland = Calendar("NZ", "Pacific/Auckland", everyDay);
        Assert.False(apia.IsBusinessDay(new LocalDate(2011, 12, 30)));
        Assert.True(auckland.IsBusinessDay(new LocalDate(2011, 12, 30)));
        Assert.Equal(new LocalDate(2011, 12, 31), apia.AddBusinessDays(new LocalDate(2011, 12, 29), 1));
    }

    [Fact]
    public void AddBusinessDays_NegativeAndZero_CountBackwardsOrStay()
    {
        var calendar = Calendar("US", "America/New_York");
        Assert.Equal(new LocalDate(2026, 11, 25), calendar.AddBusinessDays(new LocalDate(2026, 11, 27), -1));
        Assert.Equal(new LocalDate(2026, 11, 28), calendar.AddBusinessDays(new LocalDate(2026, 11, 28), 0));
    }

    [Fact]
    public void NextBusinessDayOnOrAfter_Weekend_Monday()
    {
        var calendar = Calendar("GB", "Europe/London");
        Assert.Equal(new LocalDate(2026, 6, 22), calendar.NextBusinessDayOnOrAfter(new LocalDate(2026, 6, 20)));
        Assert.Equal(new LocalDate(2026, 6, 22), calendar.NextBusinessDayOnOrAfter(new LocalDate(2026, 6, 22)));
    }

    [Fact]
    public void IsBusinessDay_ManyThreads_SameAnswers()
    {
        var calendar = Calendar("GB", "Europe/London");
        var start = new LocalDate(1990, 1, 1);
        var expected = Enumerable.Range(0, 20000).Select(i => calendar.IsBusinessDay(start.PlusDays(i))).ToArray();
        var results = new bool[8][];
        Parallel.For(0, 8, t =>
        {
            var c = Calendar("GB", "Europe/London");
            results[t] = [.. Enumerable.Range(0, 20000).Select(i => c.IsBusinessDay(start.PlusDays((i * 7919) % 20000)))];
        });
        foreach (var r in results)
        {
            for (var i = 0; i < 20000; i++)
            {
                Assert.Equal(expected[(i * 7919) % 20000], r[i]);
            }
        }
    }
}
