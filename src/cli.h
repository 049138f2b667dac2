/* cli.h — the command line: subcommands build, extract, entities.
 * Exit codes: 0 success, 1 an input or data error, 2 usage. */
#ifndef YG_CLI_H
#define YG_CLI_H

enum { YG_EXIT_OK = 0, YG_EXIT_DATA = 1, YG_EXIT_USAGE = 2 };

int yg_cli_main(int argc, char **argv);

#endif
