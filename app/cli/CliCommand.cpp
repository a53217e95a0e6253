#include "CliCommand.h"

namespace shellac::cli {

QString formatOptionTable(const QList<QCommandLineOption>& options)
{
    QStringList left;
    for (const QCommandLineOption& option : options) {
        QStringList names;
        for (const QString& n : option.names())
            names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString entry = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            entry += QLatin1Char(' ') + option.valueName();
        left << entry;
    }
    qsizetype width = 0;
    for (const QString& l : left)
        width = std::max(width, l.size());
    QString text;
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QStringList lines = options[i].description().split(QLatin1Char('\n'));
        text += QStringLiteral("  ") + left[i].leftJustified(width + 2) + lines.first() + QLatin1Char('\n');
        for (qsizetype l = 1; l < lines.size(); ++l)
            text += QString(width + 4, QLatin1Char(' ')) + lines[l] + QLatin1Char('\n');
    }
    return text;
}

QString CliCommand::helpText() const
{
    QList<QCommandLineOption> all = options();
    all << QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help and exit."));
    return QStringLiteral("Usage: shellac-cli %1 %2\n\n%3\n\n%4\n\nOptions:\n%5")
        .arg(name(), synopsis(), summary(), description().trimmed(), formatOptionTable(all));
}

} // namespace shellac::cli
