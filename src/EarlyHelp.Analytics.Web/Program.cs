using EarlyHelp.Analytics.Web;

PanelApp.Create(args).Run();

/// <summary>The entry point, public so that the test host can find the app.</summary>
public partial class Program;
