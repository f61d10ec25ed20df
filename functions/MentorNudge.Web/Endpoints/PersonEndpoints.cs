using MentorNudge.Infrastructure.Pipeline;
using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Api.Contracts;
using MentorNudge.Api.Validation;
using MentorNudge.Core.Model;
using MentorNudge.Web.Pages;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Web.Endpoints;

/// <summary>People: list, add, one person's page and its actions, and the live coach fragment. Input goes through the API's validators.</summary>
internal static class PersonEndpoints
{
    private static readonly Duration SnoozeFor = Duration.FromDays(7);

    public static async Task<IResult> ListAsync(WebRequest r) =>
        WebResults.Page(PeoplePage.Render(WeekEndpoints.Frame(r, "people"), await WeekEndpoints.SnapshotAsync(r), r.Query("q"), r.Query("warmth")));

    public static async Task<IResult> AddAsync(WebRequest r)
    {
        var form = await ReadPersonAsync(r);
        var (draft, errors) = Validate(form);
        if (draft is null)
        {
            var page = PeoplePage.Render(WeekEndpoints.Frame(r, "people"), await WeekEndpoints.SnapshotAsync(r), null, null, errors, form);
            return WebResults.Page(page, StatusCodes.Status400BadRequest);
        }

        var person = await r.Service<People>().AddAsync(r.User!.Id, draft, r.Aborted);
        return WebResults.SeeOther(r, "people/" + person.Id, "added");
    }

    public static async Task<IResult> ShowAsync(WebRequest r, string id, IReadOnlyDictionary<string, string[]>? errors = null, PersonForm? edit = null)
    {
        var s = await WeekEndpoints.SnapshotAsync(r);
        var person = RequestValidator.IsValidId(id) ? s.Person(id) : null;
        return person is null
            ? WebResults.NotFound(r)
            : WebResults.Page(PersonPage.Render(WeekEndpoints.Frame(r, "people"), s, person, errors, edit), errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static async Task<IResult> ActAsync(WebRequest r, string id, string action)
    {
        var people = r.Service<People>();
        var interactions = r.Service<Interactions>();
        var userId = r.User!.Id;
        if (!RequestValidator.IsValidId(id) || await people.FindAsync(userId, id, r.Aborted) is null)
        {
            return WebResults.NotFound(r);
        }

        var here = "people/" + id;
        switch (action)
        {
            case "outreach":
                var request = new OutreachRequest(null, Blank(await r.Field("channel")), Blank(await r.Field("subject")), Blank(await r.Field("text")));
                var outreachErrors = RequestValidator.Outreach(request, r.Now);
                if (outreachErrors.Any)
                {
                    return await ShowAsync(r, id, new Dictionary<string, string[]>(outreachErrors.ToDictionary()));
                }

                await r.Service<Outreach>().LogAsync(userId, id, new OutreachDraft(null, request.Channel, request.Subject, request.Text), r.Aborted);
                return WebResults.SeeOther(r, here, "outreach");
            case "reply":
                await interactions.LogReplyAsync(userId, id, r.Now, r.Aborted);
                return WebResults.SeeOther(r, here, "replied");
            case "interaction":
                var interaction = new InteractionRequest(Enum.TryParse<InteractionKind>(await r.Field("kind"), out var k) ? k : null, null, Blank(await r.Field("note")));
                var interactionErrors = RequestValidator.Interaction(interaction, r.Now);
                if (interactionErrors.Any)
                {
                    return await ShowAsync(r, id, new Dictionary<string, string[]>(interactionErrors.ToDictionary()));
                }

                await interactions.LogAsync(userId, id, interaction.Kind!.Value, null, interaction.Note, r.Aborted);
                return WebResults.SeeOther(r, here, "interaction");
            case "snooze":
                await people.SnoozeAsync(userId, id, r.Now + SnoozeFor, r.Aborted);
                return WebResults.SeeOther(r, here, "snoozed");
            case "stop":
                await people.StopAsync(userId, id, r.Aborted);
                return WebResults.SeeOther(r, here, "stopped");
            case "edit":
                var form = await ReadPersonAsync(r);
                var (draft, errors) = Validate(form);
                if (draft is null)
                {
                    return await ShowAsync(r, id, errors, form);
                }

                await people.UpdateAsync(userId, id, draft, r.Aborted);
                return WebResults.SeeOther(r, here, "saved");
            case "delete":
                if (await r.Field("confirm") != "yes")
                {
                    return await ShowAsync(r, id, new Dictionary<string, string[]> { ["confirm"] = ["Tick the box to confirm."] });
                }

                await people.DeleteAsync(userId, id, r.Aborted);
                return WebResults.SeeOther(r, "people", "deleted");
            default:
                return WebResults.NotFound(r);
        }
    }

    /// <summary>The coach's feedback on a draft ask, as an HTML fragment (the same coach the API's <c>POST /api/v1/coach</c> runs).</summary>
    public static async Task<IResult> CoachAsync(WebRequest r)
    {
        var text = await r.Field("text") ?? "";
        var personId = await r.Field("personId");
        if (text.Length > RequestValidator.MaxTextLength)
        {
            return Results.Text("Too long to coach.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        if (personId is not null && (!RequestValidator.IsValidId(personId) || await r.Service<People>().FindAsync(r.User!.Id, personId, r.Aborted) is null))
        {
            personId = null;
        }

        var feedback = string.IsNullOrWhiteSpace(text)
            ? null
            : CoachResponse.From(await r.Service<Outreach>().CoachAsync(r.User!.Id, text, personId, r.Aborted));
        return feedback is null
            ? WebResults.Page(Markup.Html.Of($"""<p class="hint">The ask coach reviews your text as you type.</p>"""))
            : WebResults.Page(CoachPartial.Render(feedback));
    }

    private static async Task<PersonForm> ReadPersonAsync(WebRequest r) => new(
        await r.Field("name") ?? "",
        await r.Field("emails") ?? "",
        await r.Field("connection") ?? "",
        await r.Field("role") ?? "",
        await r.Field("interests") ?? "",
        await r.Field("links") ?? "",
        await r.Field("notes") ?? "",
        await r.Field("keepInTouchEveryDays") ?? "");

    private static (PersonDraft? Draft, Dictionary<string, string[]> Errors) Validate(PersonForm form)
    {
        var (request, parseErrors) = form.ToRequest();
        var (draft, errors) = RequestValidator.Person(request);
        var all = new Dictionary<string, string[]>(errors.ToDictionary());
        foreach (var (k, v) in parseErrors)
        {
            all[k] = v;
        }

        return all.Count == 0 ? (draft, all) : (null, all);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
