//! The command line, parsed with Python 3.11 argparse semantics as AWS CLI v1 does.
