using System.Globalization;
using MentorNudge.Infrastructure.Import;
using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Core.Import;
using MentorNudge.Web.Pages;
using Microsoft.AspNetCore.Http;
using ApiImport = MentorNudge.Api.Endpoints.ImportEndpoints;

namespace MentorNudge.Web.Endpoints;

/// <summary>
/// People → Import: one upload form with "Preview" (a dry run) and "Import" (commit). Both run the
/// same <see cref="PeopleImport"/> use case as <c>POST /api/v1/people/import</c>, reading the file
/// through the API's reader. Nothing is kept between the two steps: the preview carries no state,
/// and the user commits by sending the same file again (importing is idempotent, so a changed file
/// or a second commit creates no duplicates).
/// </summary>
internal static class PeopleImportEndpoints
{
    /// <summary>The API's upload limit (20 MB) plus room for the multipart envelope and the form's other fields.</summary>
    public const long MaxRequestBytes = ApiImport.MaxBytes + (64 * 1024);

    public static IResult Show(WebRequest r) => WebResults.Page(ImportPage.Render(WeekEndpoints.Frame(r, "people"), null, null, null));

    public static async Task<IResult> ImportAsync(WebRequest r)
    {
        var form = await r.Form();
        var commit = form["commit"].ToString() == "true";
        var every = form["keepInTouchEveryDays"].ToString().Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? keepInTouch = null;
        if (every.Length > 0)
        {
            if (int.TryParse(every, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365)
            {
                keepInTouch = days;
            }
            else
            {
                errors["keepInTouchEveryDays"] = ["A whole number of days from 1 to 365, or empty for no nudges."];
            }
        }

        var file = form.Files.GetFile("file");
        var format = file is { Length: > 0 } ? FormatOf(file) : null;
        if (file is not { Length: > 0 })
        {
            errors["file"] = ["Choose a file: LinkedIn's Connections.csv, a CSV with a header row, or vCards (.vcf)."];
        }
        else if (format is null)
        {
            errors["file"] = ["A .csv or .vcf file (UTF-8)."];
        }

        if (errors.Count == 0)
        {
            try
            {
                var report = await r.Service<PeopleImport>().ImportAsync(
                    r.User!.Id, () => ApiImport.Read(file!.OpenReadStream(), format!.Value, r.Aborted), new PeopleImportSettings(!commit, keepInTouch), r.Aborted);
                return WebResults.Page(ImportPage.Render(WeekEndpoints.Frame(r, "people"), report, every, null));
            }
            catch (ContactFileException ex)
            {
                errors["file"] = [ex.Message];
            }
            catch (ValidationFailedException ex)
            {
                foreach (var (field, messages) in ex.Errors)
                {
                    errors[field] = messages;
                }
            }
        }

        return WebResults.Page(ImportPage.Render(WeekEndpoints.Frame(r, "people"), null, every, errors), StatusCodes.Status400BadRequest);
    }

    /// <summary>By the file's extension, else its media type (browsers differ in what they send for .csv).</summary>
    private static ContactFileFormat? FormatOf(IFormFile file) =>
        Path.GetExtension(file.FileName).ToLowerInvariant() switch
        {
            ".csv" => ContactFileFormat.Csv,
            ".vcf" or ".vcard" => ContactFileFormat.VCard,
            _ => ApiImport.FormatOf(file.ContentType.Split(';')[0].Trim()),
        };
}
