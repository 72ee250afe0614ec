import NIOCore

/// Runs the jobs of the tasks that prefer it on one event loop: a request's task then starts, and resumes after each
/// await, on its connection's own thread, instead of waking a thread of the cooperative pool each time and then the
/// event loop again for the response.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
