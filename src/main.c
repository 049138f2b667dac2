#include "cli.h"

int main(int argc, char **argv)
{
	return yg_cli_main(argc, argv);
}
