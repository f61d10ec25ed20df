using MentorNudge.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions host starts this process with its gRPC endpoint on the command line; the whole
// composition lives in FunctionsAppComposition so tests build exactly the same app.
var builder = FunctionsApplication.CreateBuilder(args);
builder.AddMentorNudgeFunctionsApp();
builder.Build().Run();
