namespace MentorNudge.Api.Tests.Infrastructure;

public sealed record TestUser(string UserId, string Token, string PersonId = "", string InboundSecret = "", string OutboundSecret = "");
