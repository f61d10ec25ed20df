using System.Collections.Concurrent;
using Grpc.Core;
using MentorNudge.Functions.Tests.WorkerProcess.Rpc;

namespace MentorNudge.Functions.Tests.WorkerProcess;

/// <summary>
/// The host's side of one worker's event stream: waits for <c>StartStream</c>, writes requests one
/// at a time, and hands each answer to whoever sent the request with the same request id (the
/// worker copies it onto its answer). Logs the worker sends over the stream are kept.
/// </summary>
public sealed class WorkerConnection
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private IServerStreamWriter<StreamingMessage>? _writer;

    /// <summary>Completes with the worker id the worker announced in <c>StartStream</c>.</summary>
    public Task<string> Started => _started.Task;

    /// <summary>Completes when the worker closed its side of the stream.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Every <c>RpcLog</c> the worker sent, in order.</summary>
    public ConcurrentQueue<RpcLog> Logs { get; } = new();

    /// <summary>Runs for the life of the gRPC call (the service method must not return before).</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> requests, IServerStreamWriter<StreamingMessage> responses, CancellationToken callAborted)
    {
        if (Interlocked.CompareExchange(ref _writer, responses, null) is not null)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "This test host serves one worker."));
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callAborted, _stopping.Token);
        try
        {
            while (await requests.MoveNext(linked.Token))
            {
                Route(requests.Current);
            }
        }
        catch (OperationCanceledException)
        {
            // The test host is shutting down.
        }
        catch (IOException)
        {
            // The worker process went away mid-stream.
        }
        finally
        {
            _closed.TrySetResult();
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new InvalidOperationException("The worker closed its event stream before answering."));
            }
        }
    }

    /// <summary>Sends <paramref name="message"/> (its request id set) and waits for the worker's answer to it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.RequestId))
        {
            message.RequestId = Guid.NewGuid().ToString();
        }

        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[message.RequestId] = answer;
        try
        {
            await SendAsync(message);
            return await answer.Task.WaitAsync(timeout);
        }
        finally
        {
            _pending.TryRemove(message.RequestId, out _);
        }
    }

    /// <summary>Sends a message that gets no answer (e.g. <c>WorkerTerminate</c>).</summary>
    public async Task SendAsync(StreamingMessage message)
    {
        var writer = _writer ?? throw new InvalidOperationException("The worker has not opened its event stream.");
        await _writeLock.WaitAsync();
        try
        {
            await writer.WriteAsync(message);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends the call from the host's side.</summary>
    public void Stop() => _stopping.Cancel();

    private void Route(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                _started.TrySetResult(message.StartStream.WorkerId);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                Logs.Enqueue(message.RpcLog);
                break;
            default:
                if (_pending.TryGetValue(message.RequestId, out var answer))
                {
                    answer.TrySetResult(message);
                }

                break;
        }
    }
}
