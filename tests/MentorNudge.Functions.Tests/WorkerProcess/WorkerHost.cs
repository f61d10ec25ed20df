using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using MentorNudge.Functions.Tests.WorkerProcess.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Longer than ~300 lines on purpose: the Functions host's side of one gRPC stream (start, init,
// function load, invocations, shutdown), whose steps share the stream and the worker process.
namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// Plays the Azure Functions host for the built worker: serves <c>FunctionRpc.EventStream</c> on a
/// loopback port, starts <c>dotnet MentorNudge.Functions.dll</c> with the arguments and environment
/// the host passes, then drives it over the stream (init, function load, invocations, terminate).
/// HTTP triggers go through the ASP.NET Core integration as on Azure: the InvocationRequest and the
/// HTTP request (to the worker's reported <c>HttpUri</c>, with <c>x-ms-invocation-id</c>) are sent together.
/// Settings are passed as environment variables with <c>__</c> separators, as App Service does.
/// </summary>
public sealed class WorkerHost : IAsyncDisposable
{
    /// <summary>The header that pairs a forwarded HTTP request with its InvocationRequest.</summary>
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _server;
    private readonly WorkerConnection _connection;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly Dictionary<string, string> _functionIds = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private bool _httpReady;

    private WorkerHost(WorkerArtifact artifact, WebApplication server, WorkerConnection connection, Process process, ConcurrentQueue<string> output)
    {
        Artifact = artifact;
        _server = server;
        _connection = connection;
        _process = process;
        _output = output;
    }

    public WorkerArtifact Artifact { get; }

    /// <summary>The capabilities the worker reported in its init answer.</summary>
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();

    /// <summary>Where the worker's ASP.NET Core integration listens (its <c>HttpUri</c> capability).</summary>
    public Uri? HttpUri { get; private set; }

    /// <summary>The worker's stdout and stderr lines so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>The logs the worker sent over the event stream.</summary>
    public IReadOnlyList<RpcLog> Logs => [.. _connection.Logs];

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the test host's gRPC endpoint and the worker process; does not wait for the worker to dial in.</summary>
    public static async Task<WorkerHost> StartAsync(WorkerArtifact artifact, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(settings);
        var connection = new WorkerConnection();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(connection);
        var server = builder.Build();
        server.MapGrpcService<FunctionRpcService>();
        await server.StartAsync();
        var address = new Uri(server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var maxMessageLength = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = artifact.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(artifact.AssemblyPath);
        foreach (var argument in new[]
        {
            // The host's legacy arguments and the ones the .NET worker reads, as the host passes both.
            "--host", address.Host, "--port", address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxMessageLength,
            "--functions-uri", address.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxMessageLength,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = artifact.Directory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = artifact.Directory;
        start.Environment["AzureWebJobsScriptRoot"] = artifact.Directory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue("stderr: " + e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerHost(artifact, server, connection, process, output);
    }

    /// <summary>Starts the worker, initialises it and loads every function of <c>functions.metadata</c>; throws unless all succeed.</summary>
    public static async Task<WorkerHost> StartLoadedAsync(WorkerArtifact artifact, IReadOnlyDictionary<string, string?> settings)
    {
        var host = await StartAsync(artifact, settings);
        try
        {
            var init = await host.InitializeAsync();
            if (init.Result.Status != StatusResult.Types.Status.Success)
            {
                throw new InvalidOperationException("Worker init failed: " + init.Result.Exception?.Message + host.Describe());
            }

            var failed = (await host.LoadFunctionsAsync()).Where(r => r.Result.Status != StatusResult.Types.Status.Success).ToList();
            if (failed.Count > 0)
            {
                throw new InvalidOperationException("Function load failed: " + string.Join("; ", failed.Select(f => f.Result.Exception?.Message)) + host.Describe());
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the worker's <c>StartStream</c> and sends <c>WorkerInitRequest</c>.</summary>
    public async Task<WorkerInitResponse> InitializeAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_connection.Started, exited, Task.Delay(AnswerTimeout));
        if (first != _connection.Started)
        {
            throw new InvalidOperationException(
                (_process.HasExited ? $"The worker exited ({_process.ExitCode}) before opening its event stream." : "The worker did not open its event stream in time.") + Describe());
        }

        var request = new WorkerInitRequest
        {
            HostVersion = "4.1000.0",
            WorkerDirectory = Artifact.Directory,
            FunctionAppDirectory = Artifact.Directory,
        };
        request.Capabilities["MultiStream"] = bool.TrueString;
        var answer = await _connection.RequestAsync(new StreamingMessage { WorkerInitRequest = request }, AnswerTimeout);
        var init = answer.WorkerInitResponse ?? throw new InvalidOperationException("Expected a WorkerInitResponse, got " + answer.ContentCase);
        Capabilities = new Dictionary<string, string>(init.Capabilities);
        HttpUri = Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri) : null;
        return init;
    }

    /// <summary>Sends one <c>FunctionLoadRequest</c> per function of <c>functions.metadata</c> and returns the answers.</summary>
    public async Task<IReadOnlyList<FunctionLoadResponse>> LoadFunctionsAsync()
    {
        var answers = new List<FunctionLoadResponse>();
        foreach (var load in Artifact.LoadRequests())
        {
            var answer = await _connection.RequestAsync(new StreamingMessage { FunctionLoadRequest = load }, AnswerTimeout);
            var response = answer.FunctionLoadResponse ?? throw new InvalidOperationException("Expected a FunctionLoadResponse, got " + answer.ContentCase);
            if (response.Result.Status == StatusResult.Types.Status.Success)
            {
                _functionIds[load.Metadata.Name] = load.FunctionId;
            }

            answers.Add(response);
        }

        return answers;
    }

    /// <summary>Invokes a loaded function with its trigger input (binding name from the metadata).</summary>
    public Task<InvocationResponse> InvokeAsync(string function, TypedData trigger) =>
        InvokeAsync(function, Guid.NewGuid().ToString(), trigger);

    /// <summary>The timer trigger's binding data as the host sends it.</summary>
    public static TypedData TimerTrigger(DateTimeOffset last, DateTimeOffset next) => new()
    {
        Json = System.Text.Json.JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = last, Next = next, LastUpdated = last },
            IsPastDue = false,
        }),
    };

    /// <summary>A queue message as the host hands it to a <c>string</c> queue trigger.</summary>
    public static TypedData QueueMessage(string body) => new() { String = body };

    /// <summary>
    /// Invokes an HTTP-triggered function as the host does with the ASP.NET Core integration: the
    /// InvocationRequest on the stream and the HTTP request to the worker's <see cref="HttpUri"/> at once.
    /// </summary>
    public async Task<(HttpResponseMessage Response, InvocationResponse Invocation)> InvokeHttpAsync(string function, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseUri = HttpUri ?? throw new InvalidOperationException("The worker reported no HttpUri capability.");
        var invocationId = Guid.NewGuid().ToString();
        var pathAndQuery = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : request.RequestUri?.OriginalString ?? "/";
        request.RequestUri = new Uri(baseUri, pathAndQuery);
        request.Headers.Add(InvocationIdHeader, invocationId);
        var trigger = new TypedData { Http = new RpcHttp { Method = request.Method.Method, Url = request.RequestUri.AbsoluteUri } };

        await WaitForHttpListenerAsync(baseUri);
        var invocation = InvokeAsync(function, invocationId, trigger);
        var response = _http.SendAsync(request);
        await Task.WhenAll(invocation, response);
        return (await response, await invocation);
    }

    /// <summary>A mark in the worker's output and logs; <see cref="Failures(Mark)"/> looks only after it.</summary>
    public Mark MarkNow() => new(_output.Count, _connection.Logs.Count);

    /// <summary>Output lines and stream logs after <paramref name="since"/> that report an unhandled exception or an error.</summary>
    public IReadOnlyList<string> Failures(Mark since) =>
        Output.Skip(since.OutputLines).Where(line => line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || line.StartsWith("stderr:", StringComparison.Ordinal))
            .Concat(Logs.Skip(since.Logs).Where(l => l.Level >= RpcLog.Types.Level.Error || l.Exception is not null)
                .Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.Message}"))
            .ToList();

    /// <summary>Output lines and stream logs so far that report an unhandled exception or an error.</summary>
    public IReadOnlyList<string> Failures() => Failures(new Mark(0, 0));

    /// <summary>Sends <c>WorkerTerminate</c> and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan gracePeriod)
    {
        await _connection.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(gracePeriod) } });
        return await WaitForExitAsync(gracePeriod + TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits for the worker to exit on its own (e.g. failing at start-up); returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>The worker's output and logs, for failure messages.</summary>
    public string Describe() =>
        "\n--- worker output ---\n" + string.Join('\n', Output.TakeLast(60)) +
        "\n--- worker logs ---\n" + string.Join('\n', Logs.TakeLast(40).Select(l => $"{l.Level} {l.Category}: {l.Message} {l.Exception?.Message}"));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _connection.Stop();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private async Task<InvocationResponse> InvokeAsync(string function, string invocationId, TypedData trigger)
    {
        if (!_functionIds.TryGetValue(function, out var functionId))
        {
            throw new InvalidOperationException($"Function {function} is not loaded.");
        }

        // The host always sends a W3C trace context; the worker reads it unconditionally.
        var traceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01";
        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = functionId,
            TraceContext = new RpcTraceContext { TraceParent = traceParent, TraceState = "" },
        };
        request.InputData.Add(new ParameterBinding { Name = Artifact.TriggerBindingName(function), Data = trigger });
        var answer = await _connection.RequestAsync(new StreamingMessage { InvocationRequest = request }, AnswerTimeout);
        return answer.InvocationResponse ?? throw new InvalidOperationException("Expected an InvocationResponse, got " + answer.ContentCase);
    }

    /// <summary>
    /// The worker reports its HTTP address before Kestrel has bound it; the host retries its first
    /// forward the same way. Waits (at most the answer timeout) until a TCP connect succeeds.
    /// </summary>
    private async Task WaitForHttpListenerAsync(Uri baseUri)
    {
        if (_httpReady)
        {
            return;
        }

        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (true)
        {
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(baseUri.Host, baseUri.Port);
                _httpReady = true;
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string DotnetExecutable()
    {
        // The CLI tells child processes which muxer runs them; fall back to the one on PATH.
        var muxer = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(muxer) && File.Exists(muxer) ? muxer : "dotnet";
    }
}
