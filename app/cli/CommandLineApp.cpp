#include "CommandLineApp.h"

#include "commands/AnalyzeCommand.h"
#include "commands/TrainCommand.h"
#include "commands/BenchCommand.h"
#include "commands/ConvertCommand.h"
#include "commands/DegradeCommand.h"
#include "commands/EvaluateCommand.h"
#include "commands/InfoCommand.h"
#include "commands/RestoreCommand.h"
#include "audio/LibraryVersions.h"
#include "ml/TorchRuntime.h"

namespace shellac::cli {

CommandLineApp::CommandLineApp()
{
    m_commands.push_back(std::make_unique<InfoCommand>());
    m_commands.push_back(std::make_unique<ConvertCommand>());
    m_commands.push_back(std::make_unique<DegradeCommand>());
    m_commands.push_back(std::make_unique<AnalyzeCommand>());
    m_commands.push_back(std::make_unique<RestoreCommand>());
    m_commands.push_back(std::make_unique<EvaluateCommand>());
    m_commands.push_back(std::make_unique<BenchCommand>());
    m_commands.push_back(std::make_unique<TrainCommand>());
}

CommandLineApp::~CommandLineApp() = default;

CliCommand* CommandLineApp::find(const QString& name) const
{
    for (const auto& command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

bool CommandLineApp::hasCommand(const QString& word) const
{
    return find(word) != nullptr;
}

QString CommandLineApp::helpText() const
{
    QString text = QStringLiteral(
        "Usage: shellac-cli [--help] [--version] COMMAND [ARGS...]\n\n"
        "Shellac restores 78 rpm gramophone transfers. Every command reads audio files without\n"
        "modifying them and writes results atomically (a temporary file renamed into place).\n\n"
        "Commands:\n");
    qsizetype width = 0;
    for (const auto& c : m_commands)
        width = std::max(width, c->name().size());
    for (const auto& c : m_commands)
        text += QStringLiteral("  ") + c->name().leftJustified(width + 3) + c->summary() + QLatin1Char('\n');
    text += QStringLiteral(
        "\nOptions:\n"
        "  -h, --help     Show this help and exit.\n"
        "  -v, --version  Show the version of Shellac and its libraries and exit.\n\n"
        "Run 'shellac-cli COMMAND --help' for the options of a command.\n"
        "Exit status: 0 success, 1 a file could not be processed, 2 usage error, 130 interrupted.\n");
    return text;
}

QString CommandLineApp::versionText()
{
    const ml::RuntimeInfo torch = ml::initialiseTorchRuntime();
    const QString torchText = torch.unavailable.isEmpty()
                                  ? QStringLiteral("LibTorch %1 (%2, %3 CPU threads)").arg(torch.torchVersion, torch.deviceName()).arg(torch.cpuThreads)
                                  : QStringLiteral("LibTorch unavailable (%1)").arg(torch.unavailable);
    return QStringLiteral("shellac-cli %1\n%2, soxr %3, Qt %4, %5\n")
        .arg(QStringLiteral(SHELLAC_VERSION), sndfileVersion(), soxrVersion(), QString::fromLatin1(qVersion()), torchText);
}

int CommandLineApp::run(const QStringList& arguments, CliContext& context)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty())
        return context.usageError(QString(), QStringLiteral("no command given"));
    const QString first = args.first();
    if (first == u"-h" || first == u"--help" || first == u"help") {
        if (first == u"help" && args.size() > 1) {
            if (CliCommand* command = find(args.at(1))) {
                context.out() << command->helpText();
                return ExitCode::kOk;
            }
            return context.usageError(QString(), QStringLiteral("unknown command '%1'").arg(args.at(1)));
        }
        context.out() << helpText();
        return ExitCode::kOk;
    }
    if (first == u"-v" || first == u"--version") {
        context.out() << versionText();
        return ExitCode::kOk;
    }
    if (first.startsWith(QLatin1Char('-')))
        return context.usageError(QString(), QStringLiteral("unknown option '%1'").arg(first));

    CliCommand* command = find(first);
    if (!command)
        return context.usageError(QString(), QStringLiteral("unknown command '%1'").arg(first));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    parser.addOption(help);
    parser.addOptions(command->options());
    if (!parser.parse(QStringList{QStringLiteral("shellac-cli")} + args.mid(1)))
        return context.usageError(command->name(), parser.errorText());
    if (parser.isSet(help)) {
        context.out() << command->helpText();
        return ExitCode::kOk;
    }
    return command->run(parser, context);
}

} // namespace shellac::cli
