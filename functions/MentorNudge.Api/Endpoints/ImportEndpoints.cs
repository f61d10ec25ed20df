using System.Globalization;
using System.Text;
using MentorNudge.Api.Http;
using MentorNudge.Infrastructure.Import;
using MentorNudge.Core.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace MentorNudge.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/people/import</c>: a LinkedIn Connections.csv, a CSV with a header row, or vCards.
/// The body is spooled to a temporary file (never held in memory) so the import can check the
/// whole file before writing anything, then read it again to write.
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>20 MB: a LinkedIn export of 30,000 connections is about 4 MB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    private static readonly Dictionary<string, ContactFileFormat> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = ContactFileFormat.Csv,
        ["application/csv"] = ContactFileFormat.Csv,
        ["text/vcard"] = ContactFileFormat.VCard,
        ["text/x-vcard"] = ContactFileFormat.VCard,
        ["text/directory"] = ContactFileFormat.VCard,
    };

    public static async Task<IResult> People(HttpContext context)
    {
        var (userId, error) = await ApiAuth.UserIdAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || FormatOf(mediaType.MediaType.Value) is not { } format
            || (mediaType.Charset.Length > 0 && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiProblems.UnsupportedMediaType("text/csv or text/vcard, in UTF-8");
        }

        var (settings, fieldErrors) = ReadQuery(context.Request.Query);
        if (fieldErrors.Any)
        {
            return ApiProblems.Validation(fieldErrors.ToDictionary());
        }

        var path = Path.GetTempFileName();
        try
        {
            if (!await SpoolAsync(context.Request, path, context.RequestAborted))
            {
                return ApiProblems.TooLarge(MaxBytes);
            }

            var import = context.Use<PeopleImport>();
            var report = await import.ImportAsync(userId!, () => Read(File.OpenRead(path), format, context.RequestAborted), settings!, context.RequestAborted);
            return EndpointContext.Json(report);
        }
        catch (ContactFileException ex)
        {
            return ApiProblems.Field("file", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (PeopleImportSettings? Settings, FieldErrors Errors) ReadQuery(IQueryCollection query)
    {
        var errors = new FieldErrors();
        var dryRun = false;
        var dry = query["dryRun"].ToString();
        if (dry.Length > 0 && !bool.TryParse(dry, out dryRun))
        {
            errors.Add("dryRun", "true or false.");
        }

        int? keepInTouch = null;
        var every = query["keepInTouchEveryDays"].ToString();
        if (every.Length > 0)
        {
            if (int.TryParse(every, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365)
            {
                keepInTouch = days;
            }
            else
            {
                errors.Add("keepInTouchEveryDays", "A whole number of days from 1 to 365.");
            }
        }

        return (errors.Any ? null : new PeopleImportSettings(dryRun, keepInTouch), errors);
    }

    /// <summary>Copies the body to <paramref name="path"/>; false as soon as it passes <see cref="MaxBytes"/>.</summary>
    private static async Task<bool> SpoolAsync(HttpRequest request, string path, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBytes)
        {
            return false;
        }

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return false;
            }

            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return true;
    }

    /// <summary>The file format a media type names, or null when it is not one the import accepts.</summary>
    internal static ContactFileFormat? FormatOf(string? mediaType) =>
        mediaType is not null && MediaTypes.TryGetValue(mediaType, out var format) ? format : null;

    /// <summary>The contacts of <paramref name="file"/> (UTF-8, a BOM allowed), read lazily; the stream is disposed at the end. The web app's upload reads through here too.</summary>
    internal static async IAsyncEnumerable<ContactCard> Read(Stream file, ContactFileFormat format, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var cards = format == ContactFileFormat.VCard ? VCardReader.ReadAsync(reader, ct) : ContactCsvReader.ReadAsync(reader, ct);
        await foreach (var card in cards.ConfigureAwait(false))
        {
            yield return card;
        }
    }
}
