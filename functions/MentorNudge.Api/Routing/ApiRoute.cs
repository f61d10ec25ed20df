namespace MentorNudge.Api.Routing;

/// <summary>A route group: one template (relative to <c>/api/</c>) and a handler per HTTP method.</summary>
/// <param name="Name">The group's name; also the Functions app's function name for it.</param>
/// <param name="Template">Route template below <c>/api/</c>, e.g. <c>v1/people/{id}</c>.</param>
/// <param name="Handlers">Handler by upper-case method.</param>
public sealed record ApiRoute(string Name, string Template, IReadOnlyDictionary<string, ApiHandler> Handlers);
