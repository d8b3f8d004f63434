//! The `action-plan-tracker` command: see `cli.md` and [`action_plan_tracker::cli`].

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut io = action_plan_tracker::cli::Io {
        stdin: &mut std::io::stdin().lock(),
        out: &mut std::io::stdout().lock(),
        err: &mut std::io::stderr().lock(),
    };
    std::process::exit(action_plan_tracker::cli::run(&args, &mut io));
}
