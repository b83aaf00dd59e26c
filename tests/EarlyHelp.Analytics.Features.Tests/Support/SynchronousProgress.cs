using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>Records every progress report as it is made (unlike <see cref="Progress{T}"/>, which posts them later), from any thread.</summary>
internal sealed class SynchronousProgress(List<WorkProgress> reports) : IProgress<WorkProgress>
{
    public void Report(WorkProgress value)
    {
        lock (reports)
            reports.Add(value);
    }
}
