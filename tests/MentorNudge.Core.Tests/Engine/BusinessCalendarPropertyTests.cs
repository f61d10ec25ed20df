using CsCheck;
using MentorNudge.Core.Engine;
using MentorNudge.Core.Model;
using NodaTime;

namespace MentorNudge.Core.Tests.Engine;

public sealed class BusinessCalendarPropertyTests
{
    [Fact]
    public void AddBusinessDays_AnyCountryZoneAndDate_EqualsCountingBusinessDaysOneByOne()
    {
        var gen = Gen.Select(
            Gen.OneOf([.. BusinessCalendar.SupportedCountries]),
            Gen.OneOf([.. DateTimeZoneProviders.Tzdb.Ids]),
            Gen.Int[1, 127],
            Gen.Int[0, 20000],
            Gen.Int[0, 60],
            Gen.Bool);
        gen.Sample((country, zone, mask, dayNumber, businessDays, withExtra) =>
        {
            var start = new LocalDate(1990, 1, 1).PlusDays(dayNumber);
            var workDays = Enumerable.Range(1, 7).Where(d => (mask & (1 << (d - 1))) != 0).Select(d => (IsoDayOfWeek)d);
            LocalDate[] extra = withExtra ? [start.PlusDays(1), start.PlusDays(3), start.PlusDays(10)] : [];
            var calendar = new BusinessCalendar(country, workDays, DateTimeZoneProviders.Tzdb[zone], extra);

            var expected = start;
            for (var counted = 0; counted < businessDays;)
            {
                expected = expected.PlusDays(1);
                if (calendar.IsBusinessDay(expected))
                {
                    counted++;
                }
            }

            Assert.Equal(expected, calendar.AddBusinessDays(start, businessDays));
            if (calendar.IsBusinessDay(start))
            {
                // Counting back the same number of business days returns to a business-day start.
                Assert.Equal(start, calendar.AddBusinessDays(expected, -businessDays));
            }
        }, iter: 500);
    }
}
