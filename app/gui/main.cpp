// shellac: the desktop workstation.

#include "ui/MainWindow.h"
#include "ui/project/ProjectController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Shellac"));
    QApplication::setOrganizationName(QStringLiteral("Shellac"));
    QApplication::setOrganizationDomain(QStringLiteral("shellac.org"));
    QApplication::setApplicationVersion(QStringLiteral(SHELLAC_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.shellac.Shellac"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/shellac.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("shellac"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Restoration workstation for 78 rpm gramophone transfers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Recordings or folders to open, or one project (.shellac)."),
                                 QStringLiteral("[FILE...|PROJECT.shellac]"));
    parser.process(app);

    shellac::ui::MainWindow window;
    window.show();
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() == 1 && arguments.first().endsWith(QLatin1String(".shellac")))
        window.projectController()->openProject(arguments.first());
    else if (!arguments.isEmpty())
        window.openPaths(arguments);
    else
        window.projectController()->offerRecovery(); // after a crash: reopen the unsaved project?
    return app.exec();
}
