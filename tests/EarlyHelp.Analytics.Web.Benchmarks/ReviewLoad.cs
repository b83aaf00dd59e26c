using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>One run of panel members reviewing: the review posts' and the page views' latencies, and what came of the posts.</summary>
internal sealed record ReviewRun(LatencySummary Posts, LatencySummary Views, int Recorded, int NotRecorded, int Errors, LatencySummary ScoringSaves)
{
    /// <summary>Reviews the server answered as recorded but the hub does not hold: recorded minus the review records the run added.</summary>
    public long Lost { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"review posts: {Posts}; prompt views: {Views}; {Recorded} recorded, {Lost} lost, {NotRecorded} not recorded, {Errors} errors; scoring runs saved: {ScoringSaves}");
}

/// <summary>
/// Panel members reviewing prompts, as browsers do: each client owns one prompt, posts a review (an amendment
/// of the latest, with the form's anti-forgery token) and, after the redirect, shows the page again and reads the
/// review it now supersedes. Bounded in time and in the number of requests; loopback only.
/// </summary>
internal static class ReviewLoad
{
    /// <summary>At most this many requests in one run, whatever its length.</summary>
    public const int MaximumRequests = 200_000;

    /// <summary>
    /// Runs <paramref name="clients"/> reviewers against the server at <paramref name="url"/> for <paramref name="duration"/>,
    /// each pausing <paramref name="thinking"/> on the page before posting its next review (zero: at once, saturating the server),
    /// or with <paramref name="exponential"/> a random time with that mean (seeded by the reviewer's number, so runs repeat).
    /// </summary>
    public static async Task<ReviewRun> RunAsync(
        string url, string cookie, IReadOnlyList<string> references, int clients, TimeSpan duration, TimeSpan thinking, bool exponential = false)
    {
        if (references.Count < clients)
            throw new ArgumentException($"{clients} reviewers need as many prompts; the run has {references.Count}.", nameof(references));
        if (!IPAddress.IsLoopback(IPAddress.Parse(new Uri(url).Host)))
            throw new ArgumentException($"The review load runs against this machine only; got {url}.", nameof(url));
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        var posts = new ConcurrentQueue<double>();
        var views = new ConcurrentQueue<double>();
        int recorded = 0, notRecorded = 0, errors = 0, budget = MaximumRequests;
        var elapsed = Stopwatch.StartNew();

        async Task<string> View(string reference)
        {
            var clock = Stopwatch.StartNew();
            var page = await http.GetStringAsync($"/prompts/{reference}");
            views.Enqueue(clock.Elapsed.TotalMilliseconds);
            return page;
        }

        async Task Review(string reference, int reviewer)
        {
            var pauses = new Random(reviewer);
            var page = await View(reference);
            for (var round = 0; elapsed.Elapsed < duration && Interlocked.Add(ref budget, -2) >= 0; round++)
            {
                if (thinking > TimeSpan.Zero)
                    await Task.Delay(exponential ? ExponentialPause(pauses, thinking) : thinking);
                try
                {
                    using var form = new FormUrlEncodedContent(
                    [
                        KeyValuePair.Create("__RequestVerificationToken", HtmlForm.Value(page, "__RequestVerificationToken")),
                        KeyValuePair.Create("Supersedes", HtmlForm.Value(page, "Supersedes")),
                        KeyValuePair.Create("Outcome", round % 2 == 0 ? "no_action_needed" : "already_supported"),
                        KeyValuePair.Create("Reason", $"Benchmark review {round} of prompt {reference}."),
                    ]);
                    var clock = Stopwatch.StartNew();
                    using (var response = await http.PostAsync($"/prompts/{reference}", form))
                    {
                        await response.Content.ReadAsByteArrayAsync();
                        posts.Enqueue(clock.Elapsed.TotalMilliseconds);
                        // A recorded review redirects to the page; a refused or outdated one shows the form again.
                        if (response.StatusCode == HttpStatusCode.Redirect)
                            Interlocked.Increment(ref recorded);
                        else if (response.StatusCode == HttpStatusCode.OK)
                            Interlocked.Increment(ref notRecorded);
                        else
                            Interlocked.Increment(ref errors);
                    }
                    page = await View(reference);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                    page = await View(reference);
                }
            }
        }

        await Task.WhenAll(references.Take(clients).Select((reference, reviewer) => Task.Run(() => Review(reference, reviewer))));
        return new ReviewRun(LatencySummary.Of(posts), LatencySummary.Of(views), recorded, notRecorded, errors, LatencySummary.Of([]));
    }

    /// <summary>A pause drawn from the exponential distribution with mean <paramref name="mean"/>, capped at ten times the mean (TPC-C's think times).</summary>
    private static TimeSpan ExponentialPause(Random random, TimeSpan mean) =>
        mean * Math.Min(10, -Math.Log(1 - random.NextDouble()));
}
