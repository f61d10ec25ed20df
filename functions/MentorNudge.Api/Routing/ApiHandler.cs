using Microsoft.AspNetCore.Http;

namespace MentorNudge.Api.Routing;

/// <summary>One endpoint's behaviour, shared by every host: reads the request, answers with a result.</summary>
public delegate Task<IResult> ApiHandler(HttpContext context);
