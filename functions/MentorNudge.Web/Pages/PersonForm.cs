using MentorNudge.Api.Contracts;
using MentorNudge.Core.Model;

namespace MentorNudge.Web.Pages;

/// <summary>The person form's fields as typed (so a form with errors comes back as it was sent).</summary>
internal sealed record PersonForm(string Name, string Emails, string Connection, string Role, string Interests, string Links, string Notes, string KeepInTouchEveryDays)
{
    public static PersonForm Empty { get; } = new("", "", "existing", "mentor", "", "", "", "");

    public static PersonForm From(Person p) => new(
        p.Name,
        string.Join(", ", p.Emails),
        Format.Connection(p.Connection),
        Format.Role(p.Role),
        string.Join(", ", p.Interests),
        string.Join("\n", p.Links),
        p.Notes ?? "",
        p.KeepInTouchEveryDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>The API's request for these fields, validated by the same rules as the API; unparseable numbers become field errors.</summary>
    public (PersonRequest Request, Dictionary<string, string[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, string[]>();
        int? every = null;
        if (!string.IsNullOrWhiteSpace(KeepInTouchEveryDays))
        {
            if (int.TryParse(KeepInTouchEveryDays.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var days))
            {
                every = days;
            }
            else
            {
                errors["keepInTouchEveryDays"] = ["A whole number of days, or empty for never."];
            }
        }

        var request = new PersonRequest(
            Name,
            Split(Emails, ','),
            Enum.TryParse<Core.Model.Connection>(Connection, true, out var c) ? c : null,
            Enum.TryParse<PersonRole>(Role, true, out var r) ? r : null,
            Split(Interests, ','),
            Split(Links, '\n'),
            string.IsNullOrWhiteSpace(Notes) ? null : Notes,
            every);
        return (request, errors);
    }

    private static List<string> Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
