#pragma once

#include "CliCommand.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace shellac::cli {

/// Dispatches `shellac-cli [--help|--version] COMMAND [ARGS...]` to the registered commands.
/// Used by main() and by the tests (in-process, with string streams).
class CommandLineApp {
public:
    CommandLineApp();
    ~CommandLineApp();

    /// @param arguments  the full argv including the program name
    int run(const QStringList& arguments, CliContext& context);

    /// True when `word` names a subcommand (scripts/shellac uses this to choose CLI vs GUI).
    bool hasCommand(const QString& word) const;
    QString helpText() const;
    static QString versionText();

private:
    CliCommand* find(const QString& name) const;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace shellac::cli
