using System.Text.Json;
using MentorNudge.Infrastructure.Tests.Azurite;
using MentorNudge.Functions.Http;
using MentorNudge.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace MentorNudge.Functions.Tests.Http;

[Collection(StorageCollection.Name)]
public sealed class HttpFunctionsTests(AzuriteFixture azurite)
{
    private static async Task<(int Status, string Body)> InvokeAsync(FunctionsHarness h, Func<HttpRequest, Task<IActionResult>> function, string method, string path, string? bearer = null)
    {
        var context = new DefaultHttpContext { RequestServices = h.Services };
        context.Request.Method = method;
        context.Request.Path = path;
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + bearer;
        }

        context.Response.Body = new MemoryStream();
        var result = await function(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Health_Invoked_AnswersOkWithTick()
    {
        await using var h = new FunctionsHarness(azurite);

        var (status, body) = await InvokeAsync(h, new Health().Run, "GET", "/api/health");

        Assert.Equal(200, status);
        Assert.Equal("ok", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Person_OwnToken_SameAnswerAsApi_OtherIdNotFound()
    {
        await using var h = new FunctionsHarness(azurite);
        var created = await h.Users.CreateAsync("sam@example.com", MentorNudge.Core.Model.UserSettings.CreateDefault("Europe/London", "GB"));
        var person = await h.People.AddAsync(created.UserId, new MentorNudge.Infrastructure.Pipeline.PersonDraft("Ada Lovelace"));

        var (status, body) = await InvokeAsync(h, new Person().Run, "GET", $"/api/v1/people/{person.Id}", created.Token);
        var (missing, _) = await InvokeAsync(h, new Person().Run, "GET", "/api/v1/people/p-not-mine", created.Token);
        var (anonymous, problem) = await InvokeAsync(h, new Person().Run, "GET", $"/api/v1/people/{person.Id}");

        Assert.Equal(200, status);
        Assert.Equal("Ada Lovelace", JsonDocument.Parse(body).RootElement.GetProperty("name").GetString());
        Assert.Equal(404, missing);
        Assert.Equal(401, anonymous);
        Assert.Contains("\"status\":401", problem, StringComparison.Ordinal);
    }
}
