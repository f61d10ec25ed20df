using MentorNudge.Api.Endpoints;

namespace MentorNudge.Api.Routing;

/// <summary>
/// The single table of the API's routes. The local host maps it with <c>MapMentorNudgeApi</c>; the
/// Functions app has one HTTP trigger per group that dispatches into the same handlers; the OpenAPI
/// document, the docs and the Functions metadata are all checked against it.
/// </summary>
public static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        Route("AdminUsers", "v1/admin/users", ("POST", AdminEndpoints.CreateUser)),
        Route("AdminUserTokens", "v1/admin/users/{id}/tokens", ("POST", MeTokensEndpoints.IssueForUser), ("DELETE", MeTokensEndpoints.RevokeAllOfUser)),
        Route("AdminPoison", "v1/admin/poison/{queue}", ("GET", AdminEndpoints.ListPoison)),
        Route("AdminPoisonReplay", "v1/admin/poison/{queue}/replay", ("POST", AdminEndpoints.ReplayPoison)),
        Route("Me", "v1/me", ("GET", MeEndpoints.Get), ("PUT", MeEndpoints.Put), ("DELETE", MeEndpoints.Erase)),
        Route("MeExport", "v1/me/export", ("GET", MeEndpoints.Export)),
        Route("MeTokens", "v1/me/tokens", ("GET", MeTokensEndpoints.List), ("POST", MeTokensEndpoints.Create)),
        Route("MeToken", "v1/me/tokens/{id}", ("DELETE", MeTokensEndpoints.Revoke)),
        Route("MeCalendarFeed", "v1/me/calendar-feed", ("POST", CalendarEndpoints.Rotate), ("DELETE", CalendarEndpoints.Revoke)),
        Route("MeCaptureAddress", "v1/me/capture-address", ("GET", CaptureEndpoints.Get), ("PUT", CaptureEndpoints.Put), ("POST", CaptureEndpoints.Rotate)),
        Route("CalendarFeed", "v1/calendar/{feedToken}.ics", ("GET", CalendarEndpoints.Feed)),
        Route("People", "v1/people", ("GET", PeopleEndpoints.List), ("POST", PeopleEndpoints.Add)),
        Route("PeopleImport", "v1/people/import", ("POST", ImportEndpoints.People)),
        Route("Person", "v1/people/{id}", ("GET", PeopleEndpoints.Get), ("PUT", PeopleEndpoints.Update), ("DELETE", PeopleEndpoints.Delete)),
        Route("PersonOutreach", "v1/people/{id}/outreach", ("POST", PeopleEndpoints.LogOutreach)),
        Route("PersonReplies", "v1/people/{id}/replies", ("POST", PeopleEndpoints.LogReply)),
        Route("PersonInteractions", "v1/people/{id}/interactions", ("POST", PeopleEndpoints.LogInteraction)),
        Route("Schedule", "v1/schedule", ("GET", NudgeEndpoints.Upcoming)),
        Route("Nudges", "v1/nudges", ("GET", NudgeEndpoints.History)),
        Route("Coach", "v1/coach", ("POST", CoachEndpoints.Coach)),
        Route("WebhookDeliveries", "v1/webhooks/deliveries", ("GET", NudgeEndpoints.WebhookDeliveries)),
        Route("HookEvents", "v1/hooks/{userId}/events", ("POST", HookEndpoints.Events)),
        Route("HookInboundEmail", "v1/hooks/{userId}/inbound-email", ("POST", HookEndpoints.InboundEmail)),
        Route("HookCapture", "v1/hooks/capture", ("POST", CaptureEndpoints.Hook)),
        Route("HookAcs", "v1/hooks/acs", ("POST", AcsEndpoints.EventGrid)),
        Route("Actions", "v1/actions/{token}", ("GET", ActionEndpoints.Confirm), ("POST", ActionEndpoints.Apply)),
        Route("Health", "health", ("GET", HealthEndpoints.Get)),
        Route("OpenApi", "openapi.json", ("GET", HealthEndpoints.OpenApi)),
    ];

    /// <summary>The group named <paramref name="name"/>.</summary>
    public static ApiRoute Get(string name) => All.Single(r => r.Name == name);

    private static ApiRoute Route(string name, string template, params (string Method, ApiHandler Handler)[] handlers) =>
        new(name, template, handlers.ToDictionary(h => h.Method, h => h.Handler, StringComparer.OrdinalIgnoreCase));
}
