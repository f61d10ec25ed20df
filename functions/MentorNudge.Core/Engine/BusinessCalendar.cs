using System.Collections.Concurrent;
using System.Collections.Frozen;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.TimeZones;
using PublicHoliday;

namespace MentorNudge.Core.Engine;

/// <summary>
/// A user's business days: their work days, minus the public holidays of their country
/// (ISO 3166-1 alpha-2), minus their own extra dates, minus local dates that do not exist in
/// their time zone (e.g. Pacific/Apia skipped 2011-12-30). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Holidays come from the PublicHoliday package and are cached process-wide per country and
/// year as a day-of-year bit set, so a business-day check is a few bit operations.
/// </remarks>
public sealed class BusinessCalendar
{
    // The package's enum also has "Po", its own historic (wrong) code for Poland; PL is the ISO one.
    private static readonly FrozenDictionary<string, PublicHolidayCountryCode> CountryCodes =
        Enum.GetValues<PublicHolidayCountryCode>()
            .Where(c => c != PublicHolidayCountryCode.Po)
            .ToFrozenDictionary(c => c.ToString().ToUpperInvariant(), c => c, StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<(PublicHolidayCountryCode Country, int Year), HolidayYear> HolidayYears = new();
    private static readonly ConcurrentDictionary<string, FrozenSet<LocalDate>> SkippedDatesByZone = new(StringComparer.Ordinal);

    // The package's calendar objects keep their own mutable caches; they are only touched on a
    // cache miss here, under this lock.
    private static readonly Lock PackageLock = new();

    private readonly PublicHolidayCountryCode country;
    private readonly int workDayMask;
    private readonly FrozenSet<LocalDate> extraHolidays;
    private readonly FrozenSet<LocalDate> skippedDates;

    // Most look-ups hit the same year again; an atomically swapped reference keeps that lock-free.
    private HolidayYear lastYear;

    /// <summary>The ISO 3166-1 alpha-2 codes whose public holidays are known (upper case, sorted).</summary>
    public static IReadOnlyList<string> SupportedCountries { get; } = [.. CountryCodes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="countryCode"/> (any case) has known public holidays.</summary>
    public static bool IsSupportedCountry(string? countryCode) =>
        countryCode is not null && CountryCodes.ContainsKey(countryCode);

    /// <summary>
    /// The country a time zone belongs to (the tz database's zone.tab), when its holidays are
    /// known; null for zones of no one country (<c>Etc/UTC</c>) or unknown ids. A good first guess
    /// for a new user who gave only a zone; the user can change it.
    /// </summary>
    public static string? CountryOfZone(string? zoneId)
    {
        var code = TzdbDateTimeZoneSource.Default.ZoneLocations?
            .FirstOrDefault(l => string.Equals(l.ZoneId, zoneId, StringComparison.Ordinal))?.CountryCode;
        return IsSupportedCountry(code) ? code!.ToUpperInvariant() : null;
    }

    /// <summary>Creates a calendar.</summary>
    /// <param name="countryCode">ISO 3166-1 alpha-2 code, any case; GB means the bank holidays of England and Wales.</param>
    /// <param name="workDays">Days of the week that are work days.</param>
    /// <param name="zone">The user's zone; local dates it skips entirely are not business days.</param>
    /// <param name="extraHolidays">User-supplied non-business dates.</param>
    /// <exception cref="ArgumentException">Unknown country or no work days.</exception>
    public BusinessCalendar(
        string countryCode,
        IEnumerable<IsoDayOfWeek> workDays,
        DateTimeZone zone,
        IEnumerable<LocalDate>? extraHolidays = null)
    {
        ArgumentNullException.ThrowIfNull(workDays);
        ArgumentNullException.ThrowIfNull(zone);
        if (countryCode is null || !CountryCodes.TryGetValue(countryCode, out country))
        {
            throw new ArgumentException(
                $"Unknown country '{countryCode}'. Supported: {string.Join(", ", SupportedCountries)}.", nameof(countryCode));
        }

        foreach (var day in workDays)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentException($"'{day}' is not a day of the week.", nameof(workDays));
            }

            workDayMask |= 1 << (int)day;
        }

        if (workDayMask == 0)
        {
            throw new ArgumentException("At least one work day is needed.", nameof(workDays));
        }

        Zone = zone;
        this.extraHolidays = (extraHolidays ?? []).ToFrozenSet();
        skippedDates = SkippedDatesByZone.GetOrAdd(zone.Id, static (_, z) => FindSkippedDates(z), zone);
        lastYear = GetHolidayYear(country, 2000);
    }

    /// <summary>The calendar of a user's settings (zone from the IANA tz database).</summary>
    /// <exception cref="DateTimeZoneNotFoundException">Unknown zone id.</exception>
    public static BusinessCalendar For(UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new BusinessCalendar(
            settings.Country,
            settings.WorkDays,
            DateTimeZoneProviders.Tzdb[settings.TimeZoneId],
            settings.ExtraHolidays);
    }

    /// <summary>The zone whose skipped dates are excluded.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The country code (upper case).</summary>
    public string Country => country.ToString().ToUpperInvariant();

    /// <summary>True when <paramref name="date"/> is a work day, not a public or extra holiday, and exists in the zone.</summary>
    public bool IsBusinessDay(LocalDate date)
    {
        if ((workDayMask & (1 << (int)date.DayOfWeek)) == 0)
        {
            return false;
        }

        var year = lastYear;
        if (year.Year != date.Year)
        {
            year = GetHolidayYear(country, date.Year);
            lastYear = year;
        }

        if (year.Contains(date.DayOfYear))
        {
            return false;
        }

        return (extraHolidays.Count == 0 || !extraHolidays.Contains(date))
            && (skippedDates.Count == 0 || !skippedDates.Contains(date));
    }

    /// <summary>
    /// The date <paramref name="businessDays"/> business days after (or, negative, before)
    /// <paramref name="date"/>, which itself is not counted; 0 returns <paramref name="date"/>.
    /// </summary>
    public LocalDate AddBusinessDays(LocalDate date, int businessDays)
    {
        if (businessDays < 0)
        {
            var remainingBack = -businessDays;
            while (remainingBack > 0)
            {
                date = date.PlusDays(-1);
                if (IsBusinessDay(date))
                {
                    remainingBack--;
                }
            }

            return date;
        }

        // The hot path of every follow-up: walk day-of-year and weekday counters instead of
        // building a LocalDate per day, and build the date once at the end.
        var year = date.Year;
        var dayOfYear = date.DayOfYear;
        var dayOfWeek = (int)date.DayOfWeek;
        var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
        var holidays = lastYear.Year == year ? lastYear : GetHolidayYear(country, year);
        var checkDates = extraHolidays.Count != 0 || skippedDates.Count != 0;
        var offset = 0;
        var remaining = businessDays;
        while (remaining > 0)
        {
            offset++;
            dayOfWeek = dayOfWeek == 7 ? 1 : dayOfWeek + 1;
            if (++dayOfYear > daysInYear)
            {
                year++;
                dayOfYear = 1;
                daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
                holidays = GetHolidayYear(country, year);
            }

            if ((workDayMask & (1 << dayOfWeek)) == 0 || holidays.Contains(dayOfYear))
            {
                continue;
            }

            if (checkDates)
            {
                var candidate = date.PlusDays(offset);
                if (extraHolidays.Contains(candidate) || skippedDates.Contains(candidate))
                {
                    continue;
                }
            }

            remaining--;
        }

        lastYear = holidays;
        return date.PlusDays(offset);
    }

    /// <summary><paramref name="date"/> itself when it is a business day, else the next one.</summary>
    public LocalDate NextBusinessDayOnOrAfter(LocalDate date)
    {
        while (!IsBusinessDay(date))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    private static HolidayYear GetHolidayYear(PublicHolidayCountryCode country, int year) =>
        HolidayYears.GetOrAdd((country, year), static key => LoadHolidayYear(key.Country, key.Year));

    private static HolidayYear LoadHolidayYear(PublicHolidayCountryCode country, int year)
    {
        IList<DateTime> dates;
        lock (PackageLock)
        {
            // A fresh calendar per load: GB yields UKBankHoliday for England (and Wales).
            dates = PublicHolidayFactory.GetPublicHolidayForCountry(country).PublicHolidays(year);
        }

        var bits = new ulong[6];
        foreach (var d in dates)
        {
            // Observed dates can spill into a neighbouring year; those belong to that year's set.
            if (d.Year == year)
            {
                bits[d.DayOfYear >> 6] |= 1UL << (d.DayOfYear & 63);
            }
        }

        return new HolidayYear(year, bits);
    }

    private static FrozenSet<LocalDate> FindSkippedDates(DateTimeZone zone)
    {
        // A whole local date is skipped only when a transition jumps the wall clock past it
        // (Apia, 2011-12-29 24:00 -> 2011-12-31 00:00). Scan the transitions of the tz data.
        var skipped = new HashSet<LocalDate>();
        var span = new Interval(Instant.FromUtc(1850, 1, 1, 0, 0), Instant.FromUtc(2200, 1, 1, 0, 0));
        ZoneInterval? previous = null;
        foreach (var interval in zone.GetZoneIntervals(span))
        {
            if (previous is not null && interval.WallOffset > previous.WallOffset && interval.HasStart)
            {
                var firstLocal = interval.Start.WithOffset(previous.WallOffset).LocalDateTime;
                var endLocal = interval.Start.WithOffset(interval.WallOffset).LocalDateTime;
                var date = firstLocal.TimeOfDay == LocalTime.Midnight ? firstLocal.Date : firstLocal.Date.PlusDays(1);
                for (; date.AtMidnight().PlusDays(1) <= endLocal; date = date.PlusDays(1))
                {
                    skipped.Add(date);
                }
            }

            previous = interval;
        }

        return skipped.ToFrozenSet();
    }

    private sealed class HolidayYear(int year, ulong[] bits)
    {
        public int Year { get; } = year;

        public bool Contains(int dayOfYear) => (bits[dayOfYear >> 6] & (1UL << (dayOfYear & 63))) != 0;
    }
}
