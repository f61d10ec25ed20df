using MentorNudge.Infrastructure.UseCases;
using MentorNudge.Core.Content.Digest;
using MentorNudge.Core.Model;
using MentorNudge.Web.Pages;
using MentorNudge.Web.SignIn;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace MentorNudge.Web.Endpoints;

/// <summary>This week (and its prompt actions) and the schedule.</summary>
internal static class WeekEndpoints
{
    private static readonly Duration SnoozeFor = Duration.FromDays(7);

    public static async Task<IResult> WeekAsync(WebRequest r)
    {
        var s = await SnapshotAsync(r);
        var skipped = await r.Service<WebAuthStore>().SkippedAsync(r.User!.Id, s.ThisWeek().WeekKey, r.Aborted);
        return WebResults.Page(WeekPage.Render(Frame(r, "week"), s, skipped));
    }

    /// <summary>Done logs the prompt as an interaction; skip hides it for this week; snooze snoozes the person a week.</summary>
    public static async Task<IResult> PromptAsync(WebRequest r, string personId, string action)
    {
        var userId = r.User!.Id;
        if (await r.Service<People>().FindAsync(userId, personId, r.Aborted) is null)
        {
            return WebResults.NotFound(r);
        }

        switch (action)
        {
            case "done":
                var kind = Enum.TryParse<AddValuePromptKind>(await r.Field("kind"), out var k) ? Interaction(k) : InteractionKind.Other;
                await r.Service<Interactions>().LogAsync(userId, personId, kind, r.Now, null, r.Aborted);
                return WebResults.SeeOther(r, "", "done");
            case "skip":
                var week = (await SnapshotAsync(r)).ThisWeek().WeekKey;
                await r.Service<WebAuthStore>().SkipAsync(userId, week, personId, r.Aborted);
                return WebResults.SeeOther(r, "", "skipped");
            case "snooze":
                await r.Service<People>().SnoozeAsync(userId, personId, r.Now + SnoozeFor, r.Aborted);
                return WebResults.SeeOther(r, "", "snoozed");
            default:
                return WebResults.NotFound(r);
        }
    }

    public static async Task<IResult> ScheduleAsync(WebRequest r)
    {
        var s = await SnapshotAsync(r);
        var month = r.Query("range") == "month" ? ScheduleMonthView.Parse(r.Query("month"), s) : (YearMonth?)null;
        return WebResults.Page(SchedulePage.Render(Frame(r, "schedule"), s, month));
    }

    public static Task<UserSnapshot> SnapshotAsync(WebRequest r) =>
        UserSnapshot.LoadAsync(r.Service<Users>(), r.User!.Id, r.Now, r.Aborted);

    public static PageFrame Frame(WebRequest r, string current) =>
        new(r.Root, r.CsrfToken(), SignedIn: true, current, WebResults.Message(r.Query("m")));

    private static InteractionKind Interaction(AddValuePromptKind kind) => kind switch
    {
        AddValuePromptKind.CommentOnWork => InteractionKind.Comment,
        AddValuePromptKind.ShareResource => InteractionKind.Share,
        AddValuePromptKind.CongratulateMilestone => InteractionKind.Congratulate,
        AddValuePromptKind.AmplifyWork => InteractionKind.Amplify,
        AddValuePromptKind.OfferIntroduction => InteractionKind.Introduce,
        AddValuePromptKind.CloseTheLoop => InteractionKind.CloseTheLoop,
        AddValuePromptKind.SayThanks => InteractionKind.Thank,
        _ => InteractionKind.Other,
    };
}
