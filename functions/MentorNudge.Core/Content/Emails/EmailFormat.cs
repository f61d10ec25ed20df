using System.Globalization;
using MentorNudge.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace MentorNudge.Core.Content.Emails;

/// <summary>Dates, times and names as emails show them, in the user's zone.</summary>
internal static class EmailFormat
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Create("dddd d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern DateTimePattern = LocalDateTimePattern.Create("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture);

    public static string Date(Instant at, DateTimeZone zone) => DatePattern.Format(at.InZone(zone).Date);

    public static string DateTime(ZonedDateTime at) => DateTimePattern.Format(at.LocalDateTime);

    /// <summary>"Hi Ada," or "Hi there," when no display name is set.</summary>
    public static string Greeting(User user)
    {
        var name = SafeText.OneLine(user.DisplayName, 80);
        return name.Length == 0 ? "Hi there," : $"Hi {name},";
    }

    public static string PersonName(Person person)
    {
        var name = SafeText.OneLine(person.Name, 80);
        return name.Length == 0 ? "someone" : name;
    }

    public static string Plural(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
