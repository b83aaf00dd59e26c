using Xunit.Abstractions;
using Xunit.Sdk;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// A fact of a store test suite: it runs once per database, and the run against a database with no server to test
/// against is skipped, saying why (see <see cref="PostgresServer"/>). A plain fact cannot tell which database's
/// subclass it runs in; the discoverer can.
/// </summary>
[XunitTestCaseDiscoverer("EarlyHelp.Analytics.Hub.Tests.Fixtures.StoreFactDiscoverer", "EarlyHelp.Analytics.Hub.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A theory of a store test suite, skipped as <see cref="StoreFactAttribute"/> says.</summary>
[XunitTestCaseDiscoverer("EarlyHelp.Analytics.Hub.Tests.Fixtures.StoreTheoryDiscoverer", "EarlyHelp.Analytics.Hub.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>Why a store test skips: its suite runs over a database with no server to test against; null when it runs.</summary>
internal static class StoreSkip
{
    public static string? Reason(ITestMethod method)
    {
        for (var type = method.TestClass.Class.ToRuntimeType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments().Contains(typeof(PostgresHubFixture)))
                return PostgresServer.SkipReason;
        }
        return null;
    }
}

/// <summary>A test case that asks <see cref="StoreSkip"/> whether to skip, when it is created or read back.</summary>
public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes", error: true)]
    public StoreTestCase()
    {
    }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, object[]? arguments = null)
        : base(sink, display, options, method, arguments)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => StoreSkip.Reason(TestMethod) ?? base.GetSkipReason(factAttribute);
}

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts as <see cref="StoreTestCase"/>s.</summary>
public sealed class StoreFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>Discovers <see cref="StoreTheoryAttribute"/> theories; one skipped case stands for all of a theory's rows when its database has no server.</summary>
public sealed class StoreTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        StoreSkip.Reason(testMethod) is not null
            ? [new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
