namespace FactCheck.Triage;

/// <summary>Limited-memory BFGS minimizer with a backtracking (Armijo) line search; deterministic.</summary>
public static class Lbfgs
{
    /// <summary>Objective: writes the gradient at x into grad and returns the value.</summary>
    public delegate double Objective(double[] x, double[] grad);

    public sealed record Result(double[] X, double Value, int Iterations, bool Converged);

    public static Result Minimize(Objective f, double[] x0, int maxIterations = 200, double tolerance = 1e-6,
        int memory = 10, IProgress<double>? progress = null)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        double fx = f(x, g);
        var s = new List<double[]>(memory);
        var y = new List<double[]>(memory);
        var rho = new List<double>(memory);
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alpha = new double[memory];
        int iter = 0;
        bool converged = NormInf(g) < tolerance;
        while (!converged && iter < maxIterations)
        {
            iter++;
            // Two-loop recursion: d = -H g.
            Array.Copy(g, d, n);
            for (int k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], d);
                Axpy(-alpha[k], y[k], d);
            }
            if (s.Count > 0)
            {
                double gamma = Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]);
                for (int i = 0; i < n; i++) d[i] *= gamma;
            }
            for (int k = 0; k < s.Count; k++)
            {
                double beta = rho[k] * Dot(y[k], d);
                Axpy(alpha[k] - beta, s[k], d);
            }
            for (int i = 0; i < n; i++) d[i] = -d[i];
            double slope = Dot(g, d);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                s.Clear(); y.Clear(); rho.Clear();
                for (int i = 0; i < n; i++) d[i] = -g[i];
                slope = Dot(g, d);
            }
            double step = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Max(1e-12, Math.Sqrt(Dot(g, g)))) : 1.0;
            double fNew = double.NaN;
            bool accepted = false;
            for (int ls = 0; ls < 40; ls++)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = f(xNew, gNew);
                if (double.IsFinite(fNew) && fNew <= fx + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) break;
            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            double sy = Dot(sk, yk);
            if (sy > 1e-12)
            {
                if (s.Count == memory) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1 / sy);
            }
            double change = Math.Abs(fx - fNew);
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            progress?.Report((double)iter / maxIterations);
            converged = NormInf(g) < tolerance || change <= 1e-12 * Math.Max(1, Math.Abs(fx));
        }
        return new Result(x, fx, iter, converged);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double NormInf(double[] a)
    {
        double m = 0;
        foreach (var v in a) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
