using EarlyHelp.Analytics.Cli.CommandLine;

return EarlyHelpCommand.Run(args, Console.Out, Console.Error);
