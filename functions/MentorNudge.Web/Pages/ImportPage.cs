using MentorNudge.Infrastructure.Import;
using MentorNudge.Web.Markup;

namespace MentorNudge.Web.Pages;

/// <summary>People → Import: the upload form (preview or import) and, after a run, what was (or would be) created, updated and skipped, line by line.</summary>
internal static class ImportPage
{
    /// <summary>Most rows of a report listed on the page (the counts cover every row).</summary>
    public const int ListedRows = 200;

    public static Html Render(PageFrame f, ImportReport? report, string? keepInTouch, IReadOnlyDictionary<string, string[]>? errors)
    {
        return Layout.Page(f, "Import people", Html.Of($"""
            <p><a href="{f.Root}people">Back to people</a></p>
            {(report is null ? Html.Empty : Report(f, report))}
            <section aria-labelledby="upload-h"><h2 id="upload-h">{(report is null ? "Choose a file" : "Another file, or the same one again")}</h2>
            <p>Start from the people you already know: LinkedIn's <code>Connections.csv</code> (from "Get a copy of your data"), vCards (<code>.vcf</code>) from your address book, or any CSV with a header row (name, email, URL, company, position).</p>
            <p>Preview shows what would happen and saves nothing. Import saves; people are matched by email, then profile URL, then name, so importing the same file twice creates no one twice. Imported people get no nudges unless you choose a keep-in-touch interval.</p>
            {Layout.Errors(errors)}
            <form method="post" action="{f.Root}people/import" enctype="multipart/form-data" class="stack" id="import-form">
            {Layout.Csrf(f)}
            <label for="import-file">File <span class="hint">(.csv or .vcf, UTF-8, up to 20 MB)</span></label>
            <input id="import-file" name="file" type="file" required accept=".csv,.vcf,.vcard,text/csv,text/vcard">
            <label for="keepInTouchEveryDays">Keep in touch every … days <span class="hint">(empty: no nudges about imported people)</span></label>
            <input id="keepInTouchEveryDays" name="keepInTouchEveryDays" type="number" min="1" max="365" value="{keepInTouch}">
            <div class="actions"><button type="submit" name="commit" value="false">Preview</button><button type="submit" name="commit" value="true" class="primary">Import</button></div>
            </form></section>
            """));
    }

    private static Html Report(PageFrame f, ImportReport report)
    {
        var verb = report.DryRun ? "would be " : "";
        var rows = Html.Join(report.Details.Take(ListedRows).Select(d => Html.Of($"""
            <tr><td>{d.Line}</td><td>{Action(d.Action, report.DryRun)}</td><th scope="row">{(d.PersonId is { } id ? Html.Of($"""<a href="{f.Root}people/{id}">{d.Name}</a>""") : Html.Of($"{d.Name}"))}</th><td>{Html.Join(d.Errors.Select(e => Html.Of($"{e.Field}: {e.Message} ")))}</td></tr>
            """)));
        var more = report.Details.Count > ListedRows || report.DetailsTruncated
            ? Html.Of($"<p>Only the first {ListedRows} lines are listed; the counts above cover the whole file.</p>")
            : Html.Empty;
        var table = report.Details.Count == 0
            ? Html.Empty
            : Html.Of($"""<div class="scroll"><table id="import-lines"><caption class="visually-hidden">Lines created, updated or skipped</caption><thead><tr><th scope="col">Line</th><th scope="col">What</th><th scope="col">Name</th><th scope="col">Problems</th></tr></thead><tbody>{rows}</tbody></table></div>{more}""");
        var next = report.DryRun && report.Created + report.Updated > 0
            ? Html.Of($"<p>Nothing is saved yet. To import, choose the same file again below and press Import.</p>")
            : Html.Empty;
        return Html.Of($"""
            <section aria-labelledby="report-h" id="import-report" class="{(report.DryRun ? "notice" : "flash")}" role="status"><h2 id="report-h">{(report.DryRun ? "Preview" : "Imported")}</h2>
            <p>{report.Rows} contacts read: <strong id="import-created">{report.Created}</strong> {verb}created, <strong id="import-updated">{report.Updated}</strong> {verb}updated, <strong id="import-unchanged">{report.Unchanged}</strong> unchanged, <strong id="import-skipped">{report.Skipped}</strong> skipped.</p>
            {next}
            </section>
            {table}
            """);
    }

    private static string Action(ImportAction action, bool dryRun) => (action, dryRun) switch
    {
        (ImportAction.Created, true) => "would be created",
        (ImportAction.Updated, true) => "would be updated",
        (ImportAction.Skipped, _) => "skipped",
        _ => action.ToString().ToLowerInvariant(),
    };
}
