using System.Collections.Concurrent;

namespace FactCheck.Pipeline;

/// <summary>
/// A bounded parallel map that keeps input order: the calling thread's enumeration of <c>source</c> is the reader, up to
/// <c>threads</c> workers run <c>work</c>, and <c>sink</c> receives the results on the calling thread's side in source order
/// (an ordered writer). At most <c>window</c> items are read ahead of the one being written, so memory stays bounded however
/// long the input is. With one thread everything runs inline, so the output of any thread count is the same as a
/// single-threaded run.
/// </summary>
public static class OrderedPipeline
{
    /// <summary>The default worker count: every core.</summary>
    public static int DefaultThreads => Environment.ProcessorCount;

    /// <summary>Runs the pipeline; an exception from <paramref name="work"/> is rethrown when its item reaches the writer
    /// (work functions should turn bad input into results, not exceptions).</summary>
    public static void Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> work, Action<TOut> sink, int threads, int window = 0)
    {
        if (threads <= 1)
        {
            foreach (var item in source) sink(work(item));
            return;
        }
        if (window <= 0) window = threads * 8;
        using var pending = new BlockingCollection<(TIn Item, TaskCompletionSource<TOut> Done)>(window);
        using var ordered = new BlockingCollection<TaskCompletionSource<TOut>>(window);
        using var cancel = new CancellationTokenSource();
        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            workers[w] = new Thread(() =>
            {
                foreach (var (item, done) in pending.GetConsumingEnumerable())
                {
                    try { done.SetResult(work(item)); }
                    catch (Exception e) { done.SetException(e); }
                }
            }) { IsBackground = true, Name = $"pipeline-worker-{w}" };
            workers[w].Start();
        }
        Exception? readError = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    var done = new TaskCompletionSource<TOut>(TaskCreationOptions.RunContinuationsAsynchronously);
                    ordered.Add(done, cancel.Token);   // blocks while the writer is a window behind
                    pending.Add((item, done), cancel.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (Exception e) { readError = e; }
            finally
            {
                pending.CompleteAdding();
                ordered.CompleteAdding();
            }
        }) { IsBackground = true, Name = "pipeline-reader" };
        reader.Start();
        try
        {
            foreach (var done in ordered.GetConsumingEnumerable())
                sink(done.Task.GetAwaiter().GetResult());
        }
        catch
        {
            cancel.Cancel();
            // drain so the reader and the workers can finish
            while (ordered.TryTake(out _)) { }
            throw;
        }
        finally
        {
            reader.Join();
            while (pending.TryTake(out var p)) p.Done.TrySetCanceled();
            foreach (var w in workers) w.Join();
        }
        if (readError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(readError).Throw();
    }
}
